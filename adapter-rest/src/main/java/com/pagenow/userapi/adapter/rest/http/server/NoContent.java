package com.pagenow.userapi.adapter.rest.http.server;

/** What an endpoint returns to answer {@code 204 No Content}. */
public enum NoContent {
    INSTANCE
}
