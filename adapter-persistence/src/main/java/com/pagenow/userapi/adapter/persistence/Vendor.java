package com.pagenow.userapi.adapter.persistence;

import org.jooq.SQLDialect;

/** The two databases this adapter runs on, told apart by the JDBC URL. */
enum Vendor {
    POSTGRESQL("jdbc:postgresql:", SQLDialect.POSTGRES, "postgresql"),
    H2("jdbc:h2:", SQLDialect.H2, "h2");

    private final String urlPrefix;
    private final SQLDialect dialect;
    private final String migrationFolder;

    Vendor(String urlPrefix, SQLDialect dialect, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
    }

    static Vendor of(String jdbcUrl) {
        for (Vendor vendor : values()) {
            if (jdbcUrl != null && jdbcUrl.regionMatches(true, 0, vendor.urlPrefix, 0, vendor.urlPrefix.length())) {
                return vendor;
            }
        }
        throw new IllegalArgumentException(
                "Unsupported database URL (" + describe(jdbcUrl) + "): expected jdbc:postgresql: or jdbc:h2:");
    }

    /** The URL's scheme only: the rest may hold a password. */
    static String describe(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "none";
        }
        int second = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
        return second < 0 ? "unrecognised" : jdbcUrl.substring(0, second + 1) + "...";
    }

    SQLDialect dialect() {
        return dialect;
    }

    /** Flyway location of the migrations written for this vendor only. */
    String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Every Flyway location this vendor migrates from: the migrations both vendors run as they are ({@code common})
     * and this vendor's own. A version lives in exactly one of them, so a schema change that both databases
     * spell alike is one file.
     */
    String[] migrationLocations() {
        return new String[] {COMMON_MIGRATIONS, migrationLocation()};
    }

    static final String COMMON_MIGRATIONS = "classpath:db/migration/common";
}
