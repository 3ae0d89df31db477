package com.pagenow.userapi.adapter.rest.archfixture;

import com.pagenow.userapi.adapter.auth.archfixture.AuthCallingRest;

/** Planted violation (test fixture only): one adapter using another, and in a cycle with it. */
public class RestUsingAuthAdapter {

    public Object partner() {
        return new AuthCallingRest();
    }

    public Object parser() {
        return com.nimbusds.jwt.SignedJWT.class;
    }
}
