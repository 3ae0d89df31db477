package com.pagenow.userapi.adapter.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Cognito tokens are accepted: the pool's key set and issuer, the token kinds, the app clients and the clock
 * skew tolerated on {@code exp}, {@code nbf} and {@code iat}. An empty {@code appClientIds} means the client is not
 * checked.
 */
public record CognitoSettings(
        String region,
        String poolId,
        Set<String> appClientIds,
        Set<String> tokenUses,
        URI jwksUrl,
        String issuer,
        Duration clockSkew) {

    public static final String ID_TOKEN = "id";
    public static final String ACCESS_TOKEN = "access";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Set<String> KNOWN_TOKEN_USES = Set.of(ID_TOKEN, ACCESS_TOKEN);
    // Both end up in a URL path, so nothing that could change the URL's meaning.
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");
    private static final Pattern POOL_ID = Pattern.compile("[A-Za-z0-9_-]+");

    public CognitoSettings {
        region = checkedRegion(region);
        poolId = checkedPoolId(poolId);
        appClientIds = copyOf("appClientIds", appClientIds);
        tokenUses = copyOf("tokenUses", tokenUses);
        if (tokenUses.isEmpty()) {
            throw new IllegalArgumentException("Cognito tokenUses must name at least one of " + KNOWN_TOKEN_USES);
        }
        for (String use : tokenUses) {
            if (!KNOWN_TOKEN_USES.contains(use)) {
                throw new IllegalArgumentException(
                        "Cognito tokenUses may only contain 'id' and 'access', got '" + use + "'");
            }
        }
        if (jwksUrl == null) {
            throw new IllegalArgumentException("Cognito jwksUrl must be set");
        }
        String scheme = jwksUrl.getScheme();
        if (!jwksUrl.isAbsolute()
                || jwksUrl.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(
                    "Cognito jwksUrl must be an absolute http(s) URL, got '" + jwksUrl + "'");
        }
        issuer = required("issuer", issuer);
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("Cognito clockSkew must be zero or positive, got " + clockSkew);
        }
    }

    /** The settings AWS documents for a pool: its JWKS and issuer URLs, ID tokens only, any app client, 60 s skew. */
    public static CognitoSettings forPool(String region, String poolId) {
        String checkedRegion = checkedRegion(region);
        String checkedPool = checkedPoolId(poolId);
        String poolUrl = "https://cognito-idp." + checkedRegion + ".amazonaws.com/" + checkedPool;
        return new CognitoSettings(
                checkedRegion,
                checkedPool,
                Set.of(),
                Set.of(ID_TOKEN),
                URI.create(poolUrl + "/.well-known/jwks.json"),
                poolUrl,
                DEFAULT_CLOCK_SKEW);
    }

    public CognitoSettings withAppClientIds(Set<String> ids) {
        return new CognitoSettings(region, poolId, ids, tokenUses, jwksUrl, issuer, clockSkew);
    }

    public CognitoSettings withTokenUses(Set<String> uses) {
        return new CognitoSettings(region, poolId, appClientIds, uses, jwksUrl, issuer, clockSkew);
    }

    public CognitoSettings withJwksUrl(URI url) {
        return new CognitoSettings(region, poolId, appClientIds, tokenUses, url, issuer, clockSkew);
    }

    public CognitoSettings withIssuer(String iss) {
        return new CognitoSettings(region, poolId, appClientIds, tokenUses, jwksUrl, iss, clockSkew);
    }

    public CognitoSettings withClockSkew(Duration skew) {
        return new CognitoSettings(region, poolId, appClientIds, tokenUses, jwksUrl, issuer, skew);
    }

    private static String checkedRegion(String region) {
        String value = required("region", region);
        if (!REGION.matcher(value).matches()) {
            throw new IllegalArgumentException("Cognito region must look like 'us-west-2', got '" + value + "'");
        }
        return value;
    }

    private static String checkedPoolId(String poolId) {
        String value = required("poolId", poolId);
        if (!POOL_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("Cognito poolId must look like 'us-west-2_AbC123', got '" + value + "'");
        }
        return value;
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Cognito " + name + " must not be blank");
        }
        return value.strip();
    }

    private static Set<String> copyOf(String name, Set<String> values) {
        if (values == null) {
            throw new IllegalArgumentException("Cognito " + name + " must not be null (use an empty set)");
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Cognito " + name + " must not contain blank entries");
            }
        }
        return Set.copyOf(values.stream().map(String::strip).toList());
    }
}
