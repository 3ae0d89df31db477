package com.pagenow.userapi.adapter.rest.archfixture;

import com.pagenow.userapi.application.port.out.TokenVerifier;

/** Planted violation: a REST class calling an outbound port itself instead of a use case. */
public class RestUsingOutboundPort {

    public String subjectOf(TokenVerifier verifier, String token) {
        return verifier.verify(token).toString();
    }
}
