package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/** The title of a shared page, at most 500 characters; may be empty (some pages have none). */
public record PageTitle(String value) {

    /** The longest title kept, in characters. */
    public static final int MAX_LENGTH = 500;

    /**
     * Checks the title: given, at most {@link #MAX_LENGTH} characters, no NUL.
     *
     * @param value the title
     * @throws InvalidValueException when it is null, too long or holds a NUL
     */
    public PageTitle {
        if (value == null) {
            throw new InvalidValueException("title", "must not be null");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("title", "must be at most " + MAX_LENGTH + " characters");
        }
        StoredText.requireNoNul("title", value);
    }

    /**
     * A title from its text, checked as the constructor does.
     *
     * @param value the title
     * @return the checked title
     * @throws InvalidValueException when it is null, too long or holds a NUL
     */
    public static PageTitle of(String value) {
        return new PageTitle(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
