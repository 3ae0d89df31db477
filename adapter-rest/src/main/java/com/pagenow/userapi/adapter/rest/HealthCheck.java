package com.pagenow.userapi.adapter.rest;

/** Whether the database answers right now; asked by {@code GET /health}. */
@FunctionalInterface
public interface HealthCheck {

    boolean databaseUp();
}
