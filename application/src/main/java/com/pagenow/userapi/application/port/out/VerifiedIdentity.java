package com.pagenow.userapi.application.port.out;

import java.time.Instant;

/**
 * The claims a verified token vouches for: the user name, for ID tokens the e-mail address, and when the token
 * expires ({@code exp}), was issued ({@code iat}) and its user signed in ({@code auth_time}); each time null when the
 * verifier does not tell.
 */
public record VerifiedIdentity(String username, String email, Instant expiresAt, Instant issuedAt,
                               Instant authTime) {

    public VerifiedIdentity(String username, String email) {
        this(username, email, null);
    }

    public VerifiedIdentity(String username, String email, Instant expiresAt) {
        this(username, email, expiresAt, null, null);
    }
}
