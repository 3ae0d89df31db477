package com.pagenow.userapi.application.port.out;

import java.util.Objects;

/** The token is not acceptable; the message says why without repeating the token, the reason which check failed. */
public class TokenRejectedException extends RuntimeException {

    /** Which check failed, named as AWS's own verifier library ({@code aws-jwt-verify}) names its errors. */
    public enum Reason {
        MISSING("NotAuthenticated"),
        MALFORMED("JwtParseError"),
        WRONG_ALGORITHM("JwtInvalidSignatureAlgorithmError"),
        UNKNOWN_KEY("KidNotFoundInJwksError"),
        BAD_SIGNATURE("JwtInvalidSignatureError"),
        EXPIRED("JwtExpiredError"),
        NOT_YET_VALID("JwtNotBeforeError"),
        WRONG_ISSUER("JwtInvalidIssuerError"),
        WRONG_AUDIENCE("JwtInvalidAudienceError"),
        WRONG_CLIENT("CognitoJwtInvalidClientIdError"),
        WRONG_TOKEN_USE("CognitoJwtInvalidTokenUseError"),
        INVALID_CLAIM("JwtInvalidClaimError");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The aws-jwt-verify error name, e.g. {@code JwtExpiredError}. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TokenRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    /** A rejected claim value. */
    public TokenRejectedException(String message) {
        this(Reason.INVALID_CLAIM, message, null);
    }

    public TokenRejectedException(String message, Throwable cause) {
        this(Reason.INVALID_CLAIM, message, cause);
    }

    public Reason reason() {
        return reason;
    }
}
