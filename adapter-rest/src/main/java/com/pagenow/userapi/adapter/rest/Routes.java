package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;

/** The routes of one resource. */
public interface Routes {

    void register(Router router);

    /** Called when the server stops taking requests: end what would keep the drain waiting (open streams). */
    default void shutdown() {
    }
}
