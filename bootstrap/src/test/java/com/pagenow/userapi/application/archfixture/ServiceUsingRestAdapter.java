package com.pagenow.userapi.application.archfixture;

import com.pagenow.userapi.adapter.rest.RestSettings;

/** Planted violation (test fixture only): the application knows an adapter type. */
public class ServiceUsingRestAdapter {

    public int port(RestSettings settings) {
        return settings.port() + new com.fasterxml.jackson.databind.ObjectMapper().hashCode();
    }
}
