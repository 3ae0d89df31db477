package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.util.List;
import java.util.Locale;

/** The file type of a profile image: one of {@link #ALLOWED}, lower-cased; its content type is {@code image/{ext}}. */
public record ImageExtension(String value) {

    /** The image types a profile image may have. */
    public static final List<String> ALLOWED = List.of("png", "jpg", "jpeg", "gif", "webp");

    static final String MESSAGE = "must be one of " + String.join(", ", ALLOWED);

    /**
     * Checks that the extension is one of {@link #ALLOWED}.
     *
     * @param value the extension
     * @throws InvalidValueException when it is not allowed
     */
    public ImageExtension {
        if (value == null || !ALLOWED.contains(value)) {
            throw new InvalidValueException("image_ext", MESSAGE);
        }
    }

    /**
     * Trims and lower-cases {@code raw}, the way the web client derives it from a MIME type ({@code image/png}).
     *
     * @param raw the extension as sent
     * @return the extension
     * @throws InvalidValueException when it is not allowed
     */
    public static ImageExtension of(String raw) {
        return new ImageExtension(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The header value the upload must carry and the stored object answers with.
     *
     * @return {@code image/} and the extension
     */
    public String contentType() {
        return "image/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
