package com.pagenow.userapi.adapter.auth.archfixture;

import com.pagenow.userapi.adapter.rest.archfixture.RestUsingAuthAdapter;

/** Planted violation (test fixture only): closes the package cycle with {@link RestUsingAuthAdapter}. */
public class AuthCallingRest {

    public Object partner() {
        return new RestUsingAuthAdapter();
    }

    public Object server() {
        return io.undertow.Undertow.class;
    }
}
