package com.pagenow.userapi.adapter.rest.http.server;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * What an endpoint returns to answer a JSON download ({@code Content-Disposition: attachment}) written while it is
 * produced, rather than one JSON value held in memory.
 */
public record JsonAttachment(String filename, Body body) {

    /** Writes the document; objects given to {@link JsonGenerator#writeObject} use the service's JSON settings. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator out) throws IOException;
    }
}
