package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Remembers whether the last fetch of the key set failed, so a rate-limited refresh during an outage is reported as
 * "unavailable" (503) rather than as a bad token (401). Logs each failed fetch; fetches are already rate-limited.
 */
final class MonitoredJwksSource implements JWKSetSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoredJwksSource.class);

    private final JWKSetSource<SecurityContext> delegate;
    private final URI url;
    private volatile boolean failing;

    MonitoredJwksSource(JWKSetSource<SecurityContext> delegate, URI url) {
        this.delegate = Objects.requireNonNull(delegate);
        this.url = Objects.requireNonNull(url);
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            JWKSet keys = delegate.getJWKSet(refreshEvaluator, currentTime, context);
            if (failing) {
                LOG.info("Token key set {} is reachable again", url);
            }
            failing = false;
            return keys;
        } catch (KeySourceException | RuntimeException e) {
            failing = true;
            LOG.warn("Token key set {} could not be fetched: {}", url, e.getMessage());
            throw e;
        }
    }

    boolean failing() {
        return failing;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
