package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** A host name such as {@code example.com}: trimmed and lower-cased; no scheme, port or path. */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    public DomainName {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!isHostName(value)) {
            throw new InvalidValueException("domain", "'" + shorten(value) + "' is not a host name such as example.com");
        }
    }

    public static DomainName of(String value) {
        return new DomainName(value);
    }

    private static boolean isHostName(String value) {
        String ascii;
        try {
            ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notAHost) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH || !ascii.contains(".")) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
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
