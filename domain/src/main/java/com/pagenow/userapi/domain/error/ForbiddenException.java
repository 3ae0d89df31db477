package com.pagenow.userapi.domain.error;

/** The caller may not do this to something that exists. */
public final class ForbiddenException extends DomainException {

    /**
     * @param message what the caller may not do, in words a caller may be shown
     */
    public ForbiddenException(String message) {
        super(message);
    }
}
