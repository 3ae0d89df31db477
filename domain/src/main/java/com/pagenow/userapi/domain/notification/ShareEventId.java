package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of a share event: a UUID the database generates when the share is stored. */
public record ShareEventId(UUID value) {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Checks that there is an id.
     *
     * @param value the id
     */
    public ShareEventId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The id of a stored share.
     *
     * @param value the id
     * @return the share's id
     */
    public static ShareEventId of(UUID value) {
        return new ShareEventId(value);
    }

    /**
     * Reads the 36-character form ({@code 8-4-4-4-12} hex digits); {@link UUID#fromString} alone accepts less.
     *
     * @param text the id as sent
     * @return the share's id
     * @throws InvalidValueException when the text is not in the 36-character form
     */
    public static ShareEventId parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!CANONICAL.matcher(value).matches()) {
            throw new InvalidValueException("event_id", "must be a UUID");
        }
        return new ShareEventId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
