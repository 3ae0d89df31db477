package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/**
 * What a user search looks for, as typed: trimmed, one trailing backslash dropped (as the old service did), 1 to
 * {@value #MAX_LENGTH} characters. Every character, {@code %}, {@code _} and {@code \} included, means itself.
 */
public record SearchText(String value) {

    public static final int MAX_LENGTH = 100;
    static final String FIELD = "q";

    public SearchText {
        if (value == null) {
            throw new InvalidValueException(FIELD, "must not be empty");
        }
        value = value.strip();
        if (value.endsWith("\\")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw new InvalidValueException(FIELD, "must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        StoredText.requireNoNul(FIELD, value);
    }

    public static SearchText of(String value) {
        return new SearchText(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
