package com.pagenow.userapi.domain.error;

/** The change clashes with what already exists (a second profile, a second friendship). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
