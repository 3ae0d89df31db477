package com.pagenow.userapi.bootstrap;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads settings from environment variables, trimming values and treating blank as absent. */
final class Environment {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

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
            throw new ConfigException(
                    name + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
        }
    }

    /** A duration such as {@code 500ms}, {@code 2s}, {@code 30m}; a bare number is seconds. */
    Duration duration(String name, Duration defaultValue) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher parts = DURATION.matcher(raw.get());
        if (!parts.matches()) {
            throw new ConfigException(name + " must be a duration such as 500ms, 5s or 30m, got '" + raw.get() + "'");
        }
        long amount = Long.parseLong(parts.group(1));
        String unit = parts.group(2) == null ? "s" : parts.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** {@code true} or {@code false}, in any case. */
    boolean bool(String name, boolean defaultValue) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be true or false, got '" + raw.get() + "'");
        };
    }

    List<String> list(String name) {
        return get(name)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
