package com.pagenow.userapi.application.port.out;

import java.time.Instant;

/**
 * The claims a verified token vouches for: the user name, for ID tokens the e-mail address, and when the token
 * expires ({@code exp}), was issued ({@code iat}) and its user signed in ({@code auth_time}); each time null when the
 * verifier does not tell.
 */
public record VerifiedIdentity(String username, String email, Instant expiresAt, Instant issuedAt, Instant authTime) {

    /**
     * An identity without any of the times.
     *
     * @param username the user name
     * @param email the e-mail address, or null
     */
    public VerifiedIdentity(String username, String email) {
        this(username, email, null);
    }

    /**
     * An identity with its expiry only.
     *
     * @param username the user name
     * @param email the e-mail address, or null
     * @param expiresAt when the token expires, or null
     */
    public VerifiedIdentity(String username, String email, Instant expiresAt) {
        this(username, email, expiresAt, null, null);
    }
}
