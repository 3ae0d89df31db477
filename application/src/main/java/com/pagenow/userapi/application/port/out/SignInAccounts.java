package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.domain.user.UserId;

/** The sign-in provider's user accounts (the Cognito user pool). */
public interface SignInAccounts {

    /**
     * Deletes the sign-in account of {@code user}; one that is already gone is not an error.
     *
     * @param user whose account
     * @throws RuntimeException when the provider cannot be reached or refuses; the caller retries later
     */
    void delete(UserId user);

    /** No sign-in accounts are deleted (dev mode, or {@code COGNITO_DELETE_USERS} off). */
    SignInAccounts NONE = user -> {
        throw new UnsupportedOperationException("no sign-in accounts are deleted here");
    };
}
