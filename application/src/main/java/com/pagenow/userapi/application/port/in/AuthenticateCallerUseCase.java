package com.pagenow.userapi.application.port.in;

/** Turns a bearer token into the verified caller. */
public interface AuthenticateCallerUseCase {

    /**
     * @param bearerToken the token from the {@code Authorization} header, without the {@code Bearer } prefix
     * @return the caller the token vouches for
     * @throws com.pagenow.userapi.application.error.TokenRejectedException when the token is not acceptable
     * @throws com.pagenow.userapi.application.error.TokenVerifierUnavailableException when keys cannot be fetched
     */
    Caller authenticate(String bearerToken);
}
