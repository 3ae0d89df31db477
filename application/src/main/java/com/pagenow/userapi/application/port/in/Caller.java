package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;

/**
 * Who is calling, as a verified token says: the user id and, for ID tokens, the e-mail address (else null); when the
 * token was issued ({@code iat}) and its user signed in ({@code auth_time}), null when the token does not say.
 *
 * @param userId the user the token names
 * @param email the verified e-mail address, or null
 * @param issuedAt when the token was issued, or null
 * @param authTime when the user signed in, or null
 */
public record Caller(UserId userId, Email email, Instant issuedAt, Instant authTime) {

    /**
     * Requires {@code userId}; the others may be null.
     *
     * @param userId the user the token names
     * @param email the verified e-mail address, or null
     * @param issuedAt when the token was issued, or null
     * @param authTime when the user signed in, or null
     */
    public Caller {
        java.util.Objects.requireNonNull(userId, "userId");
    }

    /**
     * A caller whose token says nothing about when it was issued or its user signed in.
     *
     * @param userId the user the token names
     * @param email the verified e-mail address, or null
     */
    public Caller(UserId userId, Email email) {
        this(userId, email, null, null);
    }

    /**
     * The e-mail the token vouches for; a profile cannot be created from a token without a verified one (an access
     * token, or an ID token whose {@code email_verified} is not true: then the address may be anyone's).
     *
     * @return the verified e-mail address
     * @throws com.pagenow.userapi.domain.error.ForbiddenException when the token vouches for none
     */
    public Email requireEmail() {
        if (email == null) {
            throw new com.pagenow.userapi.domain.error.ForbiddenException(
                    "Registering needs a verified e-mail address: the token's email_verified is not true");
        }
        return email;
    }
}
