package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.CognitoSettings;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;
import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.storage.S3StorageSettings;

import java.util.Map;

/** Everything the service reads from its environment at start. */
record ServiceConfig(
        PersistenceSettings database,
        CognitoSettings cognito,
        RestSettings http,
        EventsConfig events,
        S3StorageSettings storage,
        AccountsConfig accounts) {

    static ServiceConfig fromEnvironment(Map<String, String> variables) {
        Environment env = new Environment(variables);
        return new ServiceConfig(
                DatabaseEnvironment.read(env),
                CognitoEnvironment.read(env),
                HttpConfig.from(env, "0.0.0.0"),
                EventsConfig.from(env),
                StorageConfig.from(env),
                AccountsConfig.from(env));
    }
}
