package com.pagenow.userapi.domain.error;

/** The caller may not do this to something that exists. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
