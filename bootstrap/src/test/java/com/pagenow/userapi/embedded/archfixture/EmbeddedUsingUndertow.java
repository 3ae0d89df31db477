package com.pagenow.userapi.embedded.archfixture;

import io.undertow.Undertow;

/** Planted violation: the embedded library reaching for the HTTP server. */
public final class EmbeddedUsingUndertow {

    public Undertow server;
}
