package com.pagenow.userapi.adapter.rest.http.server.archfixture;

import com.pagenow.userapi.domain.user.UserId;

/** Planted violation: server machinery parsing a domain value instead of leaving that to the routes. */
public class ServerMachineryUsingUserId {

    public UserId userOf(String header) {
        return UserId.of(header);
    }
}
