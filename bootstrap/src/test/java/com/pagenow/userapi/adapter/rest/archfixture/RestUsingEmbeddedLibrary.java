package com.pagenow.userapi.adapter.rest.archfixture;

import com.pagenow.userapi.embedded.UserApiLibrary;

/** Planted violation: an adapter building on the embedded library, a composition root. */
public final class RestUsingEmbeddedLibrary {

    public UserApiLibrary library;
}
