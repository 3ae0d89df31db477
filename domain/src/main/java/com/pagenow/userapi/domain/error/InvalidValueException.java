package com.pagenow.userapi.domain.error;

/** A value broke its own rules (too long, wrong format, ...); {@code field} names what was wrong. */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same complaint about a named field, for callers that know where the value came from. */
    public InvalidValueException forField(String newField) {
        return new InvalidValueException(newField, getMessage());
    }
}
