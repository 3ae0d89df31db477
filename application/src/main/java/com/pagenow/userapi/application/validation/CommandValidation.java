package com.pagenow.userapi.application.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Set;

/** Validates commands and queries with Bean Validation; one shared {@link Validator}, built on first use. */
public final class CommandValidation {

    private CommandValidation() {}

    /**
     * Validates the component values of a record before they are assigned, as its compact constructor sees them:
     * {@code CommandValidation.validate(MyCommand.class, caller, name)}, in component order. Throws
     * {@link ConstraintViolationException} listing every violated constraint, with the component names as paths.
     */
    public static <R extends Record> void validate(Class<R> recordType, Object... componentValues) {
        RecordComponent[] components = recordType.getRecordComponents();
        if (components.length != componentValues.length) {
            throw new IllegalArgumentException(recordType.getSimpleName() + " has " + components.length
                    + " components, got " + componentValues.length + " values");
        }
        String[] names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
        }
        validate(recordType, names, componentValues);
    }

    /**
     * Validates the inputs a client sent, component by component as {@link #validate(Class, Object...)}, and the
     * caller they came with as {@code commandType}'s {@code caller}: one failure lists every violation, the caller's
     * first.
     */
    public static <C extends Record, S extends Record> void validateSent(Class<C> commandType, Object caller, S sent) {
        Set<ConstraintViolation<?>> violations =
                new LinkedHashSet<>(Holder.VALIDATOR.validateValue(commandType, "caller", caller));
        for (RecordComponent component : sent.getClass().getRecordComponents()) {
            violations.addAll(
                    Holder.VALIDATOR.validateValue(sent.getClass(), component.getName(), valueOf(component, sent)));
        }
        failIfAny(violations);
    }

    private static Object valueOf(RecordComponent component, Record sent) {
        try {
            return component.getAccessor().invoke(sent);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** As {@link #validate(Class, Object...)}, for the named components only, in the order given. */
    static <R extends Record> void validate(Class<R> recordType, String[] components, Object... values) {
        Set<ConstraintViolation<R>> violations = new LinkedHashSet<>();
        for (int i = 0; i < components.length; i++) {
            violations.addAll(Holder.VALIDATOR.validateValue(recordType, components[i], values[i]));
        }
        failIfAny(violations);
    }

    /**
     * Validates a fully built object. Not for a record's compact constructor: its fields are still unset there
     * (every {@code @NotNull} would fail); use {@link #validate(Class, Object...)} instead.
     */
    public static <T> void validate(T subject) {
        Set<ConstraintViolation<T>> violations = Holder.VALIDATOR.validate(subject);
        failIfAny(violations);
    }

    private static void failIfAny(Set<? extends ConstraintViolation<?>> violations) {
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
