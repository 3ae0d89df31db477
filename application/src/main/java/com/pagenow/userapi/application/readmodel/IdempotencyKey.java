package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.time.Duration;

/**
 * The {@code Idempotency-Key} a client sends with a request that creates something, so that a retry of it (after
 * a timeout or a 5xx) answers the first result instead of creating a second one. 1 to {@value #MAX_LENGTH}
 * visible ASCII characters (a UUID is typical); kept for {@link #RETENTION} per user.
 *
 * @param value the key as sent
 */
public record IdempotencyKey(String value) {

    /** The name of the request header and of the field in problem details. */
    public static final String FIELD = "Idempotency-Key";
    /** The most characters a key may have. */
    public static final int MAX_LENGTH = 255;
    /** How long a key is remembered per user; a retry after that creates again. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /**
     * Checks that the key is 1 to {@value #MAX_LENGTH} visible ASCII characters.
     *
     * @param value the key as sent
     */
    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(FIELD, "must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new InvalidValueException(FIELD, "must be visible ASCII characters only");
            }
        }
    }

    /**
     * The key of a request header, or null when the header is absent.
     *
     * @param value the header's value, or null
     * @return the key, or null for null
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the value is not a valid key
     */
    public static IdempotencyKey ofNullable(String value) {
        return value == null ? null : new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
