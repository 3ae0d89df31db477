package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/**
 * Free text on a profile with a length limit: the description (500) or gender, school, work, location (100).
 * Empty is allowed and is what an unset field holds (the columns are NOT NULL DEFAULT '').
 */
public record ProfileText(String value) {

    /** The longest description kept, in characters. */
    public static final int DESCRIPTION_MAX = 500;
    /** The longest other detail kept, in characters. */
    public static final int DETAIL_MAX = 100;
    /** An absent detail. */
    public static final ProfileText EMPTY = new ProfileText("");

    /**
     * A null text is the empty one.
     *
     * @param value the text, or null
     */
    public ProfileText {
        value = value == null ? "" : value;
    }

    /**
     * A profile description, trimmed, at most {@link #DESCRIPTION_MAX} characters, no NUL; null is empty.
     *
     * @param value the text, or null
     * @return the description
     * @throws InvalidValueException when it is too long or holds a NUL
     */
    public static ProfileText description(String value) {
        return limited("description", value, DESCRIPTION_MAX);
    }

    /**
     * Another detail named {@code field}, trimmed, at most {@link #DETAIL_MAX} characters, no NUL; null is empty.
     *
     * @param field the detail's name
     * @param value the text, or null
     * @return the detail
     * @throws InvalidValueException when it is too long or holds a NUL
     */
    public static ProfileText detail(String field, String value) {
        return limited(field, value, DETAIL_MAX);
    }

    private static ProfileText limited(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        StoredText.requireNoNul(field, text);
        return new ProfileText(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
