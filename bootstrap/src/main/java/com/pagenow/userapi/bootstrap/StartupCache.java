package com.pagenow.userapi.bootstrap;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * The one warning for an AOT cache (JDK 25, {@code -XX:AOTCache=FILE}) that the JVM could not use: made for another
 * jar or JDK, or damaged. The JVM then starts without it and without any class sharing, saying so in several lines of
 * its own, which {@code ./user-api} and the image silence ({@code -Xlog:aot*=off:stderr}); this says it in one. A JDK
 * 17 class archive ({@code -XX:SharedArchiveFile}) keeps the JVM's own one-line warning.
 */
final class StartupCache {

    private static final String FLAG = "-XX:AOTCache=";

    private StartupCache() {}

    /** Prints the warning to standard error when the cache was asked for and not mapped. */
    static void warnIfUnused() {
        warning(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.vm.info", ""))
                .ifPresent(System.err::println);
    }

    /** {@code vmInfo}: {@code java.vm.info}, which says "sharing" when classes come from a mapped archive or cache. */
    static Optional<String> warning(List<String> jvmArguments, String vmInfo) {
        String cache = null;
        for (String argument : jvmArguments) {
            if (argument.startsWith(FLAG)) {
                cache = argument.substring(FLAG.length());
            }
        }
        if (cache == null || cache.isEmpty() || vmInfo.contains("sharing")) {
            return Optional.empty();
        }
        return Optional.of("user-api: the AOT cache " + cache + " could not be used (made for another jar or JDK, or "
                + "damaged); starting without it, slower to the first answers. Train it again: see README, "
                + "\"Start-up cache\"");
    }
}
