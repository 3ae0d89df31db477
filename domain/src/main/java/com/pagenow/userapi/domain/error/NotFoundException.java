package com.pagenow.userapi.domain.error;

/** The thing asked for does not exist (or is not visible to the caller). */
public final class NotFoundException extends DomainException {

    /**
     * @param message what was not found, in words a caller may be shown
     */
    public NotFoundException(String message) {
        super(message);
    }
}
