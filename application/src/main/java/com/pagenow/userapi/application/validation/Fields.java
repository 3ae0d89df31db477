package com.pagenow.userapi.application.validation;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.BirthDate;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Builds a domain value from an input field, so that a rejection names the field the caller sent. */
public final class Fields {

    private Fields() {}

    public static <T> T field(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException invalid) {
            throw invalid.forField(name);
        }
    }

    /** An optional {@code dob} field: absent is no date. */
    public static LocalDate birthDate(String raw) {
        return raw == null ? null : field("dob", () -> BirthDate.parse(raw).value());
    }
}
