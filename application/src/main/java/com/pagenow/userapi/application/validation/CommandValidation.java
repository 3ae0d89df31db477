package com.pagenow.userapi.application.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.Set;

/** Validates commands and queries with Bean Validation; one shared {@link Validator}, built on first use. */
public final class CommandValidation {

    private CommandValidation() {
    }

    /** Throws {@link ConstraintViolationException} listing every violated constraint of {@code subject}. */
    public static <T> void validate(T subject) {
        Set<ConstraintViolation<T>> violations = Holder.VALIDATOR.validate(subject);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static final class Holder {
        private static final Validator VALIDATOR = build();

        private static Validator build() {
            ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
            return factory.getValidator();
        }
    }
}
