package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;

/**
 * The routes of one resource, all wired one way: the constructor takes the application services the routes call,
 * each typed as the use cases it serves from that service ({@code <C extends SendFriendRequestUseCase & ...>}), and
 * keeps one field per use case; {@link #register} is the table of the resource's routes, one
 * {@code router.verb("/template", this::handler)} line each, the handlers below it.
 */
public interface Routes {

    /**
     * Adds this resource's routes.
     *
     * @param router where they are added
     */
    void register(Router router);

    /**
     * The largest request body, in bytes, one of these routes reads (each holds itself to it). The listener's limit
     * is the largest of all routes', because Undertow fixes a chunked body's limit before any handler runs; every
     * request is held to {@link RestSettings#MAX_BODY_BYTES} unless its handler raises its own limit.
     */
    default long maxBodyBytes() {
        return RestSettings.MAX_BODY_BYTES;
    }

    /** Called when the server stops taking requests: end what would keep the drain waiting (open streams). */
    default void shutdown() {}
}
