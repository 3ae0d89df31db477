package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.error.TokenVerifierUnavailableException;

/** Verifies an identity token issued by the sign-in provider. */
public interface TokenVerifier {

    /**
     * @param token the token as sent
     * @return the identity the token vouches for
     * @throws TokenRejectedException when the token is malformed, forged, expired or meant for someone else
     * @throws TokenVerifierUnavailableException when the provider's keys cannot be obtained right now
     */
    VerifiedIdentity verify(String token);

    /**
     * {@link #verify}, and when the token expires, for requests that last (an event stream ends then). A verifier
     * that cannot tell answers a null expiry.
     *
     * @param token the token as sent
     * @return the identity and the expiry, or a null expiry
     */
    default VerifiedToken verifyUntilExpiry(String token) {
        return new VerifiedToken(verify(token), null);
    }
}
