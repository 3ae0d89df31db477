package com.pagenow.userapi.bootstrap;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads settings from environment variables, trimming values and treating blank as absent. */
final class Environment {

    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The first of {@code names} that is set. */
    Optional<String> first(String... names) {
        return Arrays.stream(names).map(this::get).flatMap(Optional::stream).findFirst();
    }

    String require(String name, String why) {
        return get(name).orElseThrow(() -> new ConfigException(name + " is not set: " + why));
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException notInRange) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max
                    + ", got '" + raw.get() + "'");
        }
    }

    List<String> list(String name) {
        return get(name).map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }
}
