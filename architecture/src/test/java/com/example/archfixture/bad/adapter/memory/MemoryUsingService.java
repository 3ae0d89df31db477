package com.example.archfixture.bad.adapter.memory;

import com.example.archfixture.bad.adapter.sql.SqlStore;
import com.pagenow.userapi.application.service.FriendshipQueryService;

/** Planted violations: an adapter using user-api's service class, and another adapter. */
public final class MemoryUsingService {

    public FriendshipQueryService service;
    public SqlStore other;
}
