package com.pagenow.userapi.application.port.in;

/** Turns a bearer token into the verified caller and the instant the token stops being valid, for long requests. */
public interface AuthenticateUntilExpiryUseCase {

    /**
     * @param bearerToken the token from the {@code Authorization} header, without the {@code Bearer } prefix
     * @return the caller the token vouches for, and when the token expires
     * @throws com.pagenow.userapi.application.error.TokenRejectedException when the token is not acceptable
     * @throws com.pagenow.userapi.application.error.TokenVerifierUnavailableException when keys cannot be fetched
     */
    SignedInCaller authenticateUntilExpiry(String bearerToken);
}
