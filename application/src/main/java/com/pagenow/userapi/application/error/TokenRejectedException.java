package com.pagenow.userapi.application.error;

import java.util.Objects;

/** The token is not acceptable; the message says why without repeating the token, the reason which check failed. */
public class TokenRejectedException extends RuntimeException {

    /** Which check failed, named as AWS's own verifier library ({@code aws-jwt-verify}) names its errors. */
    public enum Reason {
        /** No token was sent. */
        MISSING("NotAuthenticated"),
        /** The token is not a well-formed JWT. */
        MALFORMED("JwtParseError"),
        /** The token is signed with an algorithm that is not accepted. */
        WRONG_ALGORITHM("JwtInvalidSignatureAlgorithmError"),
        /** The token names a signing key the provider does not publish. */
        UNKNOWN_KEY("KidNotFoundInJwksError"),
        /** The signature does not match. */
        BAD_SIGNATURE("JwtInvalidSignatureError"),
        /** The token has expired. */
        EXPIRED("JwtExpiredError"),
        /** The token is not valid yet. */
        NOT_YET_VALID("JwtNotBeforeError"),
        /** The token was issued by another issuer. */
        WRONG_ISSUER("JwtInvalidIssuerError"),
        /** The token is meant for another audience. */
        WRONG_AUDIENCE("JwtInvalidAudienceError"),
        /** The token is meant for another app client. */
        WRONG_CLIENT("CognitoJwtInvalidClientIdError"),
        /** The token is of the other use (ID or access) than accepted. */
        WRONG_TOKEN_USE("CognitoJwtInvalidTokenUseError"),
        /** Another claim has a value that is not accepted. */
        INVALID_CLAIM("JwtInvalidClaimError");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /**
         * The aws-jwt-verify error name, e.g. {@code JwtExpiredError}.
         *
         * @return the error name
         */
        public String code() {
            return code;
        }
    }

    /** Which check failed. */
    private final Reason reason;

    /**
     * An exception for a failed check.
     *
     * @param reason which check failed
     * @param message why, without the token
     */
    public TokenRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * An exception for a failed check, with its cause.
     *
     * @param reason which check failed
     * @param message why, without the token
     * @param cause what failed underneath
     */
    public TokenRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    /**
     * A rejected claim value.
     *
     * @param message why, without the token
     */
    public TokenRejectedException(String message) {
        this(Reason.INVALID_CLAIM, message, null);
    }

    /**
     * A rejected claim value, with its cause.
     *
     * @param message why, without the token
     * @param cause what failed underneath
     */
    public TokenRejectedException(String message, Throwable cause) {
        this(Reason.INVALID_CLAIM, message, cause);
    }

    /**
     * Which check failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
