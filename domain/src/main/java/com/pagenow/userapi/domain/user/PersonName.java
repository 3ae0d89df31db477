package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/** A first or last name: trimmed, 1 to 50 characters. */
public record PersonName(String value) {

    /** The longest name kept, in characters. */
    public static final int MAX_LENGTH = 50;

    /**
     * Trims and checks the name: not blank, at most {@link #MAX_LENGTH} characters, no NUL.
     *
     * @param value the name
     * @throws InvalidValueException when it is blank, too long or holds a NUL
     */
    public PersonName {
        value = value == null ? null : value.strip();
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("name", "must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        StoredText.requireNoNul("name", value);
    }

    /**
     * A name from its text, checked as the constructor does.
     *
     * @param value the name
     * @return the checked name
     * @throws InvalidValueException when it is blank, too long or holds a NUL
     */
    public static PersonName of(String value) {
        return new PersonName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
