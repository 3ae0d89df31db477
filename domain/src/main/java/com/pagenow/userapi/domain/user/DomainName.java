package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.net.IDN;
import java.util.Locale;

/** A host name such as {@code example.com}: trimmed and lower-cased; no scheme, port or path. */
public record DomainName(String value) {

    private static final int MAX_LENGTH = 253;

    /**
     * Checks and normalises the host name (trimmed, lower-case).
     *
     * @param value the host name
     * @throws InvalidValueException when it is not a host name
     */
    public DomainName {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!isHostName(value)) {
            throw new InvalidValueException(
                    "domain", "'" + shorten(value) + "' is not a host name such as example.com");
        }
    }

    /**
     * A host name from its text, normalised as the constructor does.
     *
     * @param value the host name
     * @return the normalised host name
     * @throws InvalidValueException when it is not a host name
     */
    public static DomainName of(String value) {
        return new DomainName(value);
    }

    private static boolean isHostName(String value) {
        if (isAsciiHostName(value)) {
            return true; // the common case, checked without IDN's cost (profiles load ~130 names per read)
        }
        try {
            String ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
            return !ascii.equals(value) && isAsciiHostName(ascii);
        } catch (IllegalArgumentException notAHost) {
            return false;
        }
    }

    /** Dot-separated labels of a-z, 0-9 and inner hyphens, 1 to 63 characters each; at least two labels. */
    private static boolean isAsciiHostName(String name) {
        int length = name.length();
        if (length == 0 || length > MAX_LENGTH || name.indexOf('.') < 0) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || name.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength < 1
                        || labelLength > 63
                        || name.charAt(labelStart) == '-'
                        || name.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
                continue;
            }
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
