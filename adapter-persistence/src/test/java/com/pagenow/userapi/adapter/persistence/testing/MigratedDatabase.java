package com.pagenow.userapi.adapter.persistence.testing;

import com.pagenow.userapi.adapter.persistence.Persistence;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database, migrated and opened through {@link Persistence}, for the lifetime of one test class:
 * {@code @RegisterExtension static final MigratedDatabase db = MigratedDatabase.postgres();}
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

    private final boolean postgres;
    private Class<?> owner;
    private TestDatabase database;
    private Persistence persistence;

    private MigratedDatabase(boolean postgres) {
        this.postgres = postgres;
    }

    public static MigratedDatabase postgres() {
        return new MigratedDatabase(true);
    }

    public static MigratedDatabase h2() {
        return new MigratedDatabase(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return; // @Nested classes run inside their outer class and share its database
        }
        owner = context.getRequiredTestClass();
        database = postgres ? TestDatabase.postgres(owner) : TestDatabase.h2(owner);
        persistence = Persistence.start(database.settings());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != owner) {
            return;
        }
        try {
            if (persistence != null) {
                persistence.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            owner = null;
        }
    }

    public Persistence persistence() {
        return persistence;
    }

    public TestDatabase database() {
        return database;
    }
}
