package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/**
 * What a user search looks for, as typed: trimmed, one trailing backslash dropped (as the old service did), 1 to
 * {@value #MAX_LENGTH} characters. Every character, {@code %}, {@code _} and {@code \} included, means itself.
 *
 * @param value the text as typed
 */
public record SearchText(String value) {

    /** The most characters a search text may have. */
    public static final int MAX_LENGTH = 100;

    static final String FIELD = "q";

    /**
     * Trims the text, drops one trailing backslash and checks the length.
     *
     * @param value the text as typed
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the text is empty, too long, or has a NUL
     */
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

    /**
     * The text as typed, checked.
     *
     * @param value the text as typed
     * @return the search text
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the text is empty, too long, or has a NUL
     */
    public static SearchText of(String value) {
        return new SearchText(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
