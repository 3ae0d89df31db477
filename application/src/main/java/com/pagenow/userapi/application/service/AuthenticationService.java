package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.in.AuthenticateCallerUseCase;
import com.pagenow.userapi.application.port.in.AuthenticateUntilExpiryUseCase;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.SignedInCaller;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.port.out.VerifiedToken;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Objects;

/** Verifies the bearer token and turns its claims into a caller with valid domain values. */
public final class AuthenticationService implements AuthenticateCallerUseCase, AuthenticateUntilExpiryUseCase {

    private final TokenVerifier verifier;

    /**
     * A service that verifies with {@code verifier}.
     *
     * @param verifier checks the token's signature and claims
     */
    public AuthenticationService(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier);
    }

    @Override
    public Caller authenticate(String bearerToken) {
        return callerOf(verifier.verify(present(bearerToken)));
    }

    @Override
    public SignedInCaller authenticateUntilExpiry(String bearerToken) {
        VerifiedToken verified = verifier.verifyUntilExpiry(present(bearerToken));
        return new SignedInCaller(callerOf(verified.identity()), verified.expiresAt());
    }

    private static String present(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new TokenRejectedException(TokenRejectedException.Reason.MISSING, "Missing bearer token");
        }
        return bearerToken.strip();
    }

    private static Caller callerOf(VerifiedIdentity identity) {
        try {
            // Access tokens carry no e-mail; only registering needs one.
            Email email = identity.email() == null ? null : Email.of(identity.email());
            return new Caller(UserId.of(identity.username()), email, identity.issuedAt(), identity.authTime());
        } catch (InvalidValueException badClaim) {
            throw new TokenRejectedException("Token claim " + badClaim.field() + " " + badClaim.getMessage());
        }
    }
}
