package com.example.shares;

import com.pagenow.userapi.embedded.UserApiLibrary;

import javax.sql.DataSource;

/** This service's wiring: user-api's use cases over the DataSource the service already has. */
public final class ShareAudienceService {

    private final UserApiLibrary userApi;
    private final ShareAudience audience;

    public ShareAudienceService(DataSource dataSource) {
        this.userApi = UserApiLibrary.using(dataSource).build();
        this.audience = new ShareAudience(userApi.friendships());
    }

    /** The user-api schema, migrated when this service owns the database (else user-api's deploy step does it). */
    public UserApiLibrary.Migration migrate() {
        return userApi.migrate();
    }

    public UserApiLibrary userApi() {
        return userApi;
    }

    public ShareAudience audience() {
        return audience;
    }
}
