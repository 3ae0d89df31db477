package com.pagenow.userapi.application.port.in;

/** Turns a bearer token into the verified caller and the instant the token stops being valid, for long requests. */
public interface AuthenticateUntilExpiryUseCase {

    /**
     * @throws com.pagenow.userapi.application.port.out.TokenRejectedException when the token is not acceptable
     * @throws com.pagenow.userapi.application.port.out.TokenVerifierUnavailableException when keys cannot be fetched
     */
    SignedInCaller authenticateUntilExpiry(String bearerToken);
}
