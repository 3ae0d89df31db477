package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth, read from {@code YYYY-MM-DD} or with a one-digit month or day ({@code 1990-5-3}, which the web
 * client sends for days 1 to 9) and always written back as {@code YYYY-MM-DD}.
 */
public record BirthDate(LocalDate value) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final String FORMAT = "must be a date YYYY-MM-DD";

    /**
     * Checks that there is a date.
     *
     * @param value the date
     * @throws InvalidValueException when it is null
     */
    public BirthDate {
        if (value == null) {
            throw new InvalidValueException("dob", FORMAT);
        }
    }

    /**
     * The date a text names; an impossible date ({@code 1990-02-30}) is refused.
     *
     * @param text the date as {@code YYYY-MM-DD}
     * @return the date
     * @throws InvalidValueException when the text is not a possible date
     */
    public static BirthDate parse(String text) {
        Matcher parts = TEXT.matcher(text == null ? "" : text.strip());
        if (!parts.matches()) {
            throw new InvalidValueException("dob", FORMAT);
        }
        try {
            return new BirthDate(LocalDate.of(
                    Integer.parseInt(parts.group(1)),
                    Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3))));
        } catch (DateTimeException impossible) {
            throw new InvalidValueException("dob", "'" + text.strip() + "' is not a date that exists");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
