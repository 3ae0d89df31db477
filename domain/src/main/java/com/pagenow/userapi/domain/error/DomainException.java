package com.pagenow.userapi.domain.error;

/**
 * A rule of the domain said no. The small, closed family lets the edge map each kind to one answer.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidValueException, NotFoundException, ConflictException, ForbiddenException {

    /**
     * @param message the rule that said no, in words a caller may be shown
     */
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
