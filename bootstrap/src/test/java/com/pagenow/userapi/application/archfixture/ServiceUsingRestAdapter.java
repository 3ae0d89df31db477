package com.pagenow.userapi.application.archfixture;

import com.pagenow.userapi.adapter.rest.RestSettings;

/** Planted violation (test fixture only): the application knows an adapter type. */
public class ServiceUsingRestAdapter {

    public int maxBody() {
        return RestSettings.MAX_BODY_BYTES + new com.fasterxml.jackson.databind.ObjectMapper().hashCode();
    }
}
