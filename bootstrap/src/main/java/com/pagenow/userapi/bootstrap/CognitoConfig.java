package com.pagenow.userapi.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Cognito user pool whose ID tokens are trusted, and what else a token must say; {@code clockSkew} is how far
 * {@code exp}, {@code nbf} and {@code iat} may be off the local clock.
 */
record CognitoConfig(
        String region,
        String poolId,
        Set<String> appClientIds,
        Set<String> tokenUses,
        URI jwksUrl,
        String issuer,
        Duration clockSkew) {

    static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;

    static CognitoConfig from(Environment env) {
        Optional<String> region = env.first("COGNITO_REGION", "AWS_REGION_NAME", "AWS_REGION");
        Optional<String> poolId = env.get("COGNITO_POOL_ID");
        Optional<String> jwksUrl = env.get("COGNITO_JWKS_URL");
        Optional<String> issuer = env.get("COGNITO_ISSUER");
        if (poolId.isEmpty()) {
            throw new ConfigException("COGNITO_POOL_ID is not set: the Cognito user pool whose ID tokens are trusted "
                    + "(e.g. us-west-2_AbCdEf123)");
        }
        if (region.isEmpty()) {
            throw new ConfigException("COGNITO_REGION is not set: the AWS region of user pool " + poolId.get());
        }
        String defaultIssuer = "https://cognito-idp." + region.get() + ".amazonaws.com/" + poolId.get();
        String effectiveIssuer = issuer.orElse(defaultIssuer);
        URI effectiveJwks = uri("COGNITO_JWKS_URL", jwksUrl.orElse(effectiveIssuer + "/.well-known/jwks.json"));
        List<String> uses = env.list("COGNITO_TOKEN_USE");
        Set<String> tokenUses = uses.isEmpty() ? Set.of("id") : Set.copyOf(uses);
        for (String use : tokenUses) {
            if (!use.equals("id") && !use.equals("access")) {
                throw new ConfigException("COGNITO_TOKEN_USE must be id, access or id,access, got '" + use + "'");
            }
        }
        return new CognitoConfig(
                region.get(),
                poolId.get(),
                Set.copyOf(env.list("COGNITO_APP_CLIENT_IDS")),
                tokenUses,
                effectiveJwks,
                effectiveIssuer,
                Duration.ofSeconds(env.integer("COGNITO_CLOCK_SKEW_SECONDS", DEFAULT_CLOCK_SKEW_SECONDS, 0, 3600)));
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
