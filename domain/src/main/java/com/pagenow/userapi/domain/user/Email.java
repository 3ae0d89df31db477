package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.text.StoredText;

/** An e-mail address as the identity provider vouched for it: trimmed, with one {@code @}. */
public record Email(String value) {

    /** The longest address kept, in characters. */
    public static final int MAX_LENGTH = 320;

    /**
     * Trims and checks the address: one {@code @} with text on both sides, at most {@link #MAX_LENGTH} characters, no
     * NUL.
     *
     * @param value the address
     * @throws InvalidValueException when it is blank, not an address, too long or holds a NUL
     */
    public Email {
        value = value == null ? null : value.trim();
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("email", "must not be blank");
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1 || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("email", "must be an e-mail address");
        }
        StoredText.requireNoNul("email", value);
    }

    /**
     * An address from its text, checked as the constructor does.
     *
     * @param value the address
     * @return the checked address
     * @throws InvalidValueException when it is blank, not an address, too long or holds a NUL
     */
    public static Email of(String value) {
        return new Email(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
