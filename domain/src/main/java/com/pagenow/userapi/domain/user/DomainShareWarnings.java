package com.pagenow.userapi.domain.user;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Domains whose pages may reveal personal activity when a user adds them to the allow list, each with the warning
 * the extension shows (data from the old service).
 */
public final class DomainShareWarnings {

    private static final Map<DomainName, String> WARNINGS = build();

    private DomainShareWarnings() {}

    /**
     * The warnings in a fixed order.
     *
     * @return each domain with its warning
     */
    public static Map<DomainName, String> all() {
        return WARNINGS;
    }

    private static Map<DomainName, String> build() {
        Map<DomainName, String> warnings = new LinkedHashMap<>();
        warnings.put(
                DomainName.of("google.com"),
                "Allowing google.com may result in sharing personal activities (e.g. Gmail, Calendar)");
        warnings.put(
                DomainName.of("messenger.com"), "Allowing messenger.com may result in sharing personal activities");
        warnings.put(DomainName.of("notion.so"), "Allowing notion.so may result in sharing personal activities");
        return Collections.unmodifiableMap(warnings);
    }
}
