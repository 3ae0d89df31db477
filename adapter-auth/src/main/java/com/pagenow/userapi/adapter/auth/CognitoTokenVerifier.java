package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.error.TokenRejectedException.Reason;
import com.pagenow.userapi.application.error.TokenVerifierUnavailableException;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.port.out.VerifiedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Verifies Cognito tokens as AWS documents it: an RS256 signature by a key of the pool's JWKS, then the claim rules
 * of {@link CognitoSettings}. Only the configured JWKS is trusted; {@code jku}, {@code jwk} and {@code x5u} headers are
 * ignored. The JWKS is fetched on first use, cached, and refetched for an unknown {@code kid} (rate-limited), so a
 * rotated key is picked up without a restart. Close it to stop the background refresh thread.
 */
public final class CognitoTokenVerifier implements TokenVerifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoTokenVerifier.class);
    private static final String WARM_UP_TOKEN = "token-check-warmup.json";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final CognitoClaimsVerifier claimRules;
    private final JWKSource<SecurityContext> keys;
    private final BooleanSupplier keysFailing;
    private final VerifiedTokenCache verified;
    private final Duration clockSkew;

    public CognitoTokenVerifier(CognitoSettings settings) {
        this(settings, JwksCachePolicy.DEFAULT, Clock.systemUTC());
    }

    CognitoTokenVerifier(CognitoSettings settings, JwksCachePolicy policy, Clock clock) {
        this(settings, new MonitoredJwksSource(urlSource(settings, policy), settings.jwksUrl()), policy, clock);
    }

    private CognitoTokenVerifier(
            CognitoSettings settings, MonitoredJwksSource source, JwksCachePolicy policy, Clock clock) {
        this(settings, remoteKeys(source, policy), source::failing, clock);
    }

    private CognitoTokenVerifier(
            CognitoSettings settings, JWKSource<SecurityContext> keys, BooleanSupplier keysFailing, Clock clock) {
        this.claimRules = new CognitoClaimsVerifier(settings, clock);
        this.keys = keys;
        this.keysFailing = keysFailing;
        this.verified = new VerifiedTokenCache(clock, VerifiedTokenCache.DEFAULT_MAX_ENTRIES);
        this.clockSkew = settings.clockSkew();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(claimRules);
    }

    /** A verifier with the same rules that trusts only the given keys (dev mode, tests); nothing is fetched. */
    static CognitoTokenVerifier withFixedKeys(CognitoSettings settings, JWKSet keys, Clock clock) {
        return new CognitoTokenVerifier(settings, new ImmutableJWKSet<>(keys.toPublicJWKSet()), () -> false, clock);
    }

    /**
     * Checks a built-in token {@code times} times with the code {@link #verify} runs for a token it has not seen,
     * before the service listens. A start's first requests run that code interpreted, and each new token costs an RSA
     * check: a quarter of the CPU of the requests in the first second after a start (docs/benchmarks-startup.md). The
     * token was signed once by a throwaway key whose private half was never kept (resource {@value #WARM_UP_TOKEN}); it
     * is checked under dev-mode settings at a clock within its validity, so no setting of this service trusts it.
     *
     * @throws IllegalStateException if the token is refused: the warm-up would have run the refusal path instead
     */
    public static void warmUp(int times) {
        long start = System.nanoTime();
        warmUp(times, warmUpDocument());
        LOG.info(
                "Token check warmed up: {} checks of a built-in token in {} ms",
                times,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** The checks of {@link #warmUp(int)} on {@code document} (resource {@value #WARM_UP_TOKEN}): the identity read. */
    static VerifiedIdentity warmUp(int times, String document) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        try {
            Map<String, Object> parsed = JSONObjectUtils.parse(document);
            JWKSet keys = new JWKSet(RSAKey.parse(JSONObjectUtils.getJSONObject(parsed, "key")));
            String token = JSONObjectUtils.getString(parsed, "token");
            Instant issued =
                    SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant();
            Clock withinValidity = Clock.fixed(issued.plusSeconds(60), ZoneOffset.UTC);
            VerifiedIdentity identity = null;
            for (int check = 0; check < times; check++) {
                // A verifier of its own each time: its cache would answer the same token from the second time on.
                identity = withFixedKeys(LocalSigningKey.DEV_SETTINGS, keys, withinValidity)
                        .verify(token);
            }
            return identity;
        } catch (ParseException | TokenRejectedException e) {
            throw new IllegalStateException("The built-in warm-up token was rejected: " + e.getMessage(), e);
        }
    }

    static String warmUpDocument() {
        try (InputStream in = CognitoTokenVerifier.class.getResourceAsStream(WARM_UP_TOKEN)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + WARM_UP_TOKEN + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + WARM_UP_TOKEN, e);
        }
    }

    @Override
    public VerifiedIdentity verify(String token) {
        if (token == null || token.isBlank()) {
            throw rejected(Reason.MISSING, "Token is missing", null);
        }
        VerifiedIdentity known = verified.get(token);
        if (known != null) {
            return known;
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            VerifiedIdentity identity = claimRules.identityOf(claims);
            // The claim rules demand an expiry; the token stays acceptable until expiry plus the allowed skew.
            verified.put(token, identity, claims.getExpirationTime().toInstant().plus(clockSkew));
            return identity;
        } catch (ParseException e) {
            throw rejected(Reason.MALFORMED, "Token is not a well-formed JWT", e);
        } catch (CognitoClaimsVerifier.ClaimRejected e) {
            throw rejected(e.reason(), e.getMessage(), e);
        } catch (BadJWSException e) {
            throw rejected(Reason.BAD_SIGNATURE, "Token signature is invalid", e);
        } catch (BadJWTException e) {
            throw rejected(Reason.MALFORMED, "Token claims are not a JSON object", e);
        } catch (BadJOSEException e) {
            // Nimbus says the same for a foreign algorithm and for an RS256 key the pool does not have.
            throw signedWithRs256(token)
                    ? rejected(Reason.UNKNOWN_KEY, "Token is signed by a key that is not a key of the user pool", e)
                    : rejected(Reason.WRONG_ALGORITHM, "Token is not signed with RS256 by a key of the user pool", e);
        } catch (RateLimitReachedException e) {
            if (keysFailing.getAsBoolean()) {
                throw unavailable(e);
            }
            throw rejected(
                    Reason.UNKNOWN_KEY, "Token is signed by an unknown key (key set was refreshed moments ago)", e);
        } catch (KeySourceException e) {
            throw unavailable(e);
        } catch (JOSEException e) {
            throw rejected(Reason.BAD_SIGNATURE, "Token signature could not be checked", e);
        } catch (RuntimeException e) {
            // Garbage can trip parsers in unplanned ways; it is still the caller's bad token, not our failure.
            throw rejected(Reason.MALFORMED, "Token could not be read", e);
        }
    }

    private static boolean signedWithRs256(String token) {
        try {
            return JWSAlgorithm.RS256.equals(Header.parse(Base64URL.from(token.substring(0, token.indexOf('.'))))
                    .getAlgorithm());
        } catch (ParseException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The token's {@code exp}, read after {@link #verify} accepted this very token string. */
    @Override
    public VerifiedToken verifyUntilExpiry(String token) {
        VerifiedIdentity identity = verify(token);
        try {
            return new VerifiedToken(
                    identity,
                    SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant());
        } catch (ParseException | RuntimeException e) {
            throw rejected(Reason.MALFORMED, "Token could not be read", e);
        }
    }

    @Override
    public void close() {
        if (keys instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.debug("Closing the token key source failed", e);
            }
        }
    }

    private static TokenRejectedException rejected(Reason reason, String message, Exception cause) {
        LOG.debug("Token rejected ({}): {}", reason.code(), message);
        return new TokenRejectedException(reason, message, cause);
    }

    private static TokenVerifierUnavailableException unavailable(KeySourceException cause) {
        // The failed fetch itself was logged at warn by MonitoredJwksSource; this is per request.
        LOG.debug(
                "Token not checked, key set unavailable: {}",
                cause instanceof RateLimitReachedException
                        ? "last fetch failed, next attempt is rate-limited"
                        : cause.getMessage());
        return new TokenVerifierUnavailableException("The user pool's token keys are unavailable right now", cause);
    }

    private static URLBasedJWKSetSource<SecurityContext> urlSource(CognitoSettings settings, JwksCachePolicy policy) {
        URL url;
        try {
            url = settings.jwksUrl().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cognito jwksUrl is not a valid URL: " + settings.jwksUrl(), e);
        }
        return new URLBasedJWKSetSource<>(url, resourceRetriever(policy));
    }

    private static DefaultResourceRetriever resourceRetriever(JwksCachePolicy policy) {
        int timeoutMillis = Math.toIntExact(policy.httpTimeout().toMillis());
        return new DefaultResourceRetriever(timeoutMillis, timeoutMillis, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
    }

    private static JWKSource<SecurityContext> remoteKeys(MonitoredJwksSource source, JwksCachePolicy policy) {
        ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cognito-jwks-refresh");
            thread.setDaemon(true);
            return thread;
        });
        return JWKSourceBuilder.create(source)
                .cache(policy.timeToLive().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .refreshAheadCache(policy.refreshAhead().toMillis(), null, refresher, true, null, false)
                .rateLimited(policy.refreshMinInterval().toMillis())
                .retrying(true)
                .outageTolerant(policy.outageTimeToLive().toMillis())
                .build();
    }
}
