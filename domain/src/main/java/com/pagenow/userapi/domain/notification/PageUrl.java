package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The address of a shared page: an absolute http or https URL of at most 2048 characters. */
public record PageUrl(String value) {

    public static final int MAX_LENGTH = 2048;

    public PageUrl {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("url", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("url", "must be at most " + MAX_LENGTH + " characters");
        }
        if (!isAbsoluteHttp(value)) {
            throw new InvalidValueException("url", "must be an absolute http or https URL");
        }
    }

    public static PageUrl of(String value) {
        return new PageUrl(value);
    }

    private static boolean isAbsoluteHttp(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
