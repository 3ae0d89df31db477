package com.example.archfixture.bad.core;

import com.example.archfixture.bad.adapter.sql.SqlStore;

/** Planted violation: code outside the wiring that knows an adapter. */
public final class CoreUsingAdapter {

    public SqlStore store;
}
