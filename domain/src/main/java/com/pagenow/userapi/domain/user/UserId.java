package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/**
 * A user's id: the Cognito user name, 1 to 50 characters (a sibling service stores it in VARCHAR(50)), without
 * control characters.
 */
public record UserId(String value) {

    /** The longest id, in characters. */
    public static final int MAX_LENGTH = 50;

    /**
     * Checks the id: not blank, at most {@link #MAX_LENGTH} characters, no control characters.
     *
     * @param value the id
     * @throws InvalidValueException when it is blank, too long or holds a control character
     */
    public UserId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("user_id", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("user_id", "must be at most " + MAX_LENGTH + " characters");
        }
        StoredText.requireNoControlCharacter("user_id", value);
    }

    /**
     * An id from its text, checked as the constructor does.
     *
     * @param value the id
     * @return the checked id
     * @throws InvalidValueException when it is blank, too long or holds a control character
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
