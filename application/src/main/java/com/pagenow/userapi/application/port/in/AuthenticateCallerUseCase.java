package com.pagenow.userapi.application.port.in;

/** Turns a bearer token into the verified caller. */
public interface AuthenticateCallerUseCase {

    /**
     * @throws com.pagenow.userapi.application.port.out.TokenRejectedException when the token is not acceptable
     * @throws com.pagenow.userapi.application.port.out.TokenVerifierUnavailableException when keys cannot be fetched
     */
    Caller authenticate(String bearerToken);
}
