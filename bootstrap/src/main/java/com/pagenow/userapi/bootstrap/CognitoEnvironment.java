package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.CognitoSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Cognito user pool whose ID tokens are trusted, and what else a token must say, into the auth adapter's
 * {@link CognitoSettings}; {@code COGNITO_CLOCK_SKEW_SECONDS} is how far {@code exp}, {@code nbf} and {@code iat}
 * may be off the local clock.
 */
final class CognitoEnvironment {

    private CognitoEnvironment() {}

    static CognitoSettings read(Environment env) {
        Optional<String> region = env.first("COGNITO_REGION", "AWS_REGION_NAME", "AWS_REGION");
        Optional<String> poolId = env.get("COGNITO_POOL_ID");
        if (poolId.isEmpty()) {
            throw new ConfigException("COGNITO_POOL_ID is not set: the Cognito user pool whose ID tokens are trusted "
                    + "(e.g. us-west-2_AbCdEf123)");
        }
        if (region.isEmpty()) {
            throw new ConfigException("COGNITO_REGION is not set: the AWS region of user pool " + poolId.get());
        }
        CognitoSettings pool = CognitoSettings.forPool(region.get(), poolId.get());
        // A JWKS URL that is not set follows the issuer, also where the issuer is set.
        String issuer = env.get("COGNITO_ISSUER").orElse(pool.issuer());
        URI jwksUrl = uri("COGNITO_JWKS_URL", env.get("COGNITO_JWKS_URL").orElse(issuer + "/.well-known/jwks.json"));
        List<String> uses = env.list("COGNITO_TOKEN_USE");
        Set<String> tokenUses = uses.isEmpty() ? Set.of(CognitoSettings.ID_TOKEN) : Set.copyOf(uses);
        for (String use : tokenUses) {
            if (!use.equals(CognitoSettings.ID_TOKEN) && !use.equals(CognitoSettings.ACCESS_TOKEN)) {
                throw new ConfigException("COGNITO_TOKEN_USE must be id, access or id,access, got '" + use + "'");
            }
        }
        int clockSkewSeconds = env.integer(
                "COGNITO_CLOCK_SKEW_SECONDS", (int) CognitoSettings.DEFAULT_CLOCK_SKEW.toSeconds(), 0, 3600);
        return pool.withAppClientIds(Set.copyOf(env.list("COGNITO_APP_CLIENT_IDS")))
                .withTokenUses(tokenUses)
                .withJwksUrl(jwksUrl)
                .withIssuer(issuer)
                .withClockSkew(Duration.ofSeconds(clockSkewSeconds));
    }

    private static URI uri(String variable, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException notAUrl) {
            throw new ConfigException(variable + " must be an http(s) URL, got '" + value + "'");
        }
    }
}
