package com.pagenow.userapi.domain.error;

/** The change clashes with what already exists (a second profile, a second friendship). */
public final class ConflictException extends DomainException {

    /**
     * @param message what already exists, as the service's {@code detail} says it
     */
    public ConflictException(String message) {
        super(message);
    }
}
