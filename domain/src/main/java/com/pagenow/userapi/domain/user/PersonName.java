package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/** A first or last name: trimmed, 1 to 50 characters. */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 50;

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

    public static PersonName of(String value) {
        return new PersonName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
