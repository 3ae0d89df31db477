package com.pagenow.userapi.adapter.persistence.testing;

import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL databases a test class makes, one per test that needs a fresh one, dropped together. */
public final class TestDatabases implements AutoCloseable {

    private final Class<?> owner;
    private final List<TestDatabase> made = new ArrayList<>();

    public TestDatabases(Class<?> owner) {
        this.owner = owner;
    }

    /** A new, empty PostgreSQL database, dropped by {@link #close()}. */
    public TestDatabase postgres() {
        TestDatabase database = TestDatabase.postgres(owner);
        made.add(database);
        return database;
    }

    @Override
    public void close() {
        made.forEach(TestDatabase::close);
        made.clear();
    }
}
