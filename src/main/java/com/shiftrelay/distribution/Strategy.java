package com.shiftrelay.distribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a team shares its new and handed-over deals among the managers at work. */
public enum Strategy {
    LEAST_LOADED, ROUND_ROBIN, WEIGHTED;

    /** Parses a name case-insensitively; unknown or blank -> IllegalArgumentException whose message lists the allowed names. */
    public static Strategy parse(String name) {
        String wanted = name == null ? "" : name.strip();
        return Arrays.stream(values())
                .filter(strategy -> strategy.name().equals(wanted.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown distribution strategy '" + name + "'; allowed: " + allowedNames()));
    }

    private static String allowedNames() {
        return Arrays.stream(values()).map(Strategy::name).collect(Collectors.joining(", "));
    }
}
