package com.example.archfixture.bad.adapter.sql;

/** Target of a planted adapter-to-adapter dependency. */
public final class SqlStore {}
