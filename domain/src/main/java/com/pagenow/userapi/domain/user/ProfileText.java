package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/**
 * Free text on a profile with a length limit: the description (500) or gender, school, work, location (100).
 * Empty is allowed and is what an unset field holds (the columns are NOT NULL DEFAULT '').
 */
public record ProfileText(String value) {

    public static final int DESCRIPTION_MAX = 500;
    public static final int DETAIL_MAX = 100;
    public static final ProfileText EMPTY = new ProfileText("");

    public ProfileText {
        value = value == null ? "" : value;
    }

    public static ProfileText description(String value) {
        return limited("description", value, DESCRIPTION_MAX);
    }

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
