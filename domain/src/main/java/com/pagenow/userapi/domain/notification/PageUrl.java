package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.util.Locale;

/** The address of a shared page: an absolute http or https URL of at most 2048 characters, kept as given. */
public record PageUrl(String value) {

    /** The longest URL kept, in characters. */
    public static final int MAX_LENGTH = 2048;

    /**
     * Trims and checks the URL: an absolute http or https URL of at most {@link #MAX_LENGTH} characters.
     *
     * @param value the URL as sent
     * @throws InvalidValueException when it is blank, too long, or not an absolute http or https URL
     */
    public PageUrl {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("url", "must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("url", "must be at most " + MAX_LENGTH + " characters");
        }
        if (!isAbsoluteHttp(value)) {
            throw new InvalidValueException("url", "must be an absolute http or https URL");
        }
    }

    /**
     * A URL from its text, checked as the constructor does.
     *
     * @param value the URL as sent
     * @return the checked URL
     * @throws InvalidValueException when it is blank, too long, or not an absolute http or https URL
     */
    public static PageUrl of(String value) {
        return new PageUrl(value);
    }

    /**
     * Checks the shape by hand rather than with {@link java.net.URI}: browsers leave characters such as
     * {@code | { } ^} unescaped in the address of a page, and such addresses must still be shareable.
     */
    private static boolean isAbsoluteHttp(String value) {
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String rest = value.substring(colon + 1);
        if (!rest.startsWith("//")) {
            return false;
        }
        int end = 2;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(2, end);
        return hasHost(authority.substring(authority.lastIndexOf('@') + 1));
    }

    /** {@code host}, {@code host:port} or {@code [ipv6]:port}, with a non-empty host and a numeric port. */
    private static boolean hasHost(String hostAndPort) {
        String host;
        String port;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = hostAndPort.substring(1, close);
            String after = hostAndPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                return false;
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int portColon = hostAndPort.lastIndexOf(':');
            host = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
            port = portColon < 0 ? "" : hostAndPort.substring(portColon + 1);
        }
        return !host.isEmpty() && port.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
