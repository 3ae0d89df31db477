package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.pagenow.userapi.application.error.TokenRejectedException.Reason;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * The claim rules for Cognito tokens, in one place for the Cognito and the dev-mode verifier. Runs only after the
 * signature has been checked. Reasons are fixed texts: claim values are attacker-controlled and stay out of them.
 */
final class CognitoClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    static final String TOKEN_USE = "token_use";
    static final String ID_TOKEN_USERNAME = "cognito:username";
    static final String ACCESS_TOKEN_USERNAME = "username";
    static final String ACCESS_TOKEN_CLIENT_ID = "client_id";
    static final String EMAIL = "email";
    static final String AUTH_TIME = "auth_time";
    static final String EMAIL_VERIFIED = "email_verified";

    private final CognitoSettings settings;
    private final Clock clock;

    CognitoClaimsVerifier(CognitoSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw new ClaimRejected(Reason.WRONG_ISSUER, "Token issuer is not the configured user pool");
        }
        checkTimes(claims);
        String tokenUse = stringClaim(claims, TOKEN_USE);
        if (tokenUse == null || !settings.tokenUses().contains(tokenUse)) {
            throw new ClaimRejected(Reason.WRONG_TOKEN_USE, "Token use is not one of " + settings.tokenUses());
        }
        if (!settings.appClientIds().isEmpty() && !issuedForKnownClient(claims, tokenUse)) {
            throw new ClaimRejected(
                    CognitoSettings.ID_TOKEN.equals(tokenUse) ? Reason.WRONG_AUDIENCE : Reason.WRONG_CLIENT,
                    "Token was issued for another app client");
        }
        String username = stringClaim(claims, usernameClaim(tokenUse));
        if (username == null || username.isBlank()) {
            throw new ClaimRejected(Reason.INVALID_CLAIM, "Token has no " + usernameClaim(tokenUse) + " claim");
        }
        // Read now so that a malformed e-mail claim is a rejection here, not an error later.
        stringClaim(claims, EMAIL);
    }

    /**
     * The identity of claims that passed {@link #verify}. Access tokens carry no e-mail address, and an address the
     * pool has not verified is nobody's identity: anyone may set their own unverified {@code email} in Cognito.
     */
    VerifiedIdentity identityOf(JWTClaimsSet claims) throws BadJWTException {
        String tokenUse = stringClaim(claims, TOKEN_USE);
        String email =
                CognitoSettings.ID_TOKEN.equals(tokenUse) && emailVerified(claims) ? stringClaim(claims, EMAIL) : null;
        return new VerifiedIdentity(
                stringClaim(claims, usernameClaim(tokenUse)),
                email,
                null,
                instant(claims.getIssueTime()),
                authTime(claims));
    }

    /** When the user signed in ({@code auth_time}, seconds), for the checks that want a recent sign-in; else null. */
    private static Instant authTime(JWTClaimsSet claims) {
        Object value = claims.getClaim(AUTH_TIME);
        return value instanceof Number seconds
                ? Instant.ofEpochSecond(seconds.longValue())
                : value instanceof Date date ? date.toInstant() : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Cognito writes {@code email_verified} as a JSON boolean, and as the string "true" for federated sign-ins. */
    private static boolean emailVerified(JWTClaimsSet claims) {
        Object verified = claims.getClaim(EMAIL_VERIFIED);
        return Boolean.TRUE.equals(verified) || "true".equals(verified);
    }

    private void checkTimes(JWTClaimsSet claims) throws ClaimRejected {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new ClaimRejected(Reason.INVALID_CLAIM, "Token has no expiry time");
        }
        if (!now.isBefore(expiry.toInstant().plus(settings.clockSkew()))) {
            throw new ClaimRejected(Reason.EXPIRED, "Token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(settings.clockSkew()))) {
            throw new ClaimRejected(Reason.NOT_YET_VALID, "Token is not valid yet");
        }
        // A token from the future comes from a forged or misconfigured clock: it would outlive its real lifetime.
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && now.isBefore(issuedAt.toInstant().minus(settings.clockSkew()))) {
            throw new ClaimRejected(Reason.INVALID_CLAIM, "Token was issued in the future");
        }
    }

    private boolean issuedForKnownClient(JWTClaimsSet claims, String tokenUse) throws ClaimRejected {
        if (CognitoSettings.ID_TOKEN.equals(tokenUse)) {
            return claims.getAudience().stream().anyMatch(settings.appClientIds()::contains);
        }
        String clientId = stringClaim(claims, ACCESS_TOKEN_CLIENT_ID);
        return clientId != null && settings.appClientIds().contains(clientId);
    }

    private static String usernameClaim(String tokenUse) {
        return CognitoSettings.ACCESS_TOKEN.equals(tokenUse) ? ACCESS_TOKEN_USERNAME : ID_TOKEN_USERNAME;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws ClaimRejected {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException notAString) {
            throw new ClaimRejected(Reason.INVALID_CLAIM, "Token claim " + name + " is not a string");
        }
    }

    /** A claim rule said no; the message is safe to show and log. */
    static final class ClaimRejected extends BadJWTException {
        private final Reason reason;

        ClaimRejected(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
