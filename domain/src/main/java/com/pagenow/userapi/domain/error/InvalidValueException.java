package com.pagenow.userapi.domain.error;

/** A value broke its own rules (too long, wrong format, ...); {@code field} names what was wrong. */
public final class InvalidValueException extends DomainException {

    /** The field whose value was wrong. */
    private final String field;

    /**
     * @param field   the field whose value was wrong
     * @param message what was wrong with it
     */
    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The field whose value was wrong: the concept as the domain names it ({@code addressee}), or the input field
     * as a caller that knows it re-labelled it ({@code first_name}); an adapter maps the first to its own names.
     *
     * @return the field's name
     */
    public String field() {
        return field;
    }

    /**
     * The same complaint about a named field, for callers that know where the value came from.
     *
     * @param newField the field's name as the HTTP API names it
     * @return a new exception with the same message
     */
    public InvalidValueException forField(String newField) {
        return new InvalidValueException(newField, getMessage());
    }
}
