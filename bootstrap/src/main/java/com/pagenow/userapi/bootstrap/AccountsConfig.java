package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.application.service.AccountService;
import com.pagenow.userapi.domain.user.DeletedAccount;

import java.net.URI;
import java.time.Duration;

/**
 * Leaving: how recent a sign-in a deletion needs ({@code ACCOUNT_DELETION_MAX_AGE}, seconds), whether a deletion
 * also deletes the Cognito user ({@code COGNITO_DELETE_USERS}), and where Cognito's API is when not at AWS
 * ({@code COGNITO_ENDPOINT_URL}, an emulator in tests).
 */
record AccountsConfig(Duration maxSignInAge, boolean deleteCognitoUsers, URI cognitoEndpoint) {

    static AccountsConfig from(Environment env) {
        Duration maxAge = Duration.ofSeconds(env.integer(
                "ACCOUNT_DELETION_MAX_AGE", (int) DeletedAccount.DEFAULT_MAX_SIGN_IN_AGE.toSeconds(), 0, 31_536_000));
        URI endpoint =
                env.get("COGNITO_ENDPOINT_URL").map(AccountsConfig::endpoint).orElse(null);
        return new AccountsConfig(maxAge, env.bool("COGNITO_DELETE_USERS", false), endpoint);
    }

    AccountService.Settings settings() {
        return new AccountService.Settings(maxSignInAge, deleteCognitoUsers);
    }

    private static URI endpoint(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException notAUrl) {
            throw new ConfigException("COGNITO_ENDPOINT_URL must be an http(s) URL, got '" + value + "'");
        }
    }
}
