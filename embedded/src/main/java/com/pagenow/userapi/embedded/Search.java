package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.search.SearchFriendsUseCase;
import com.pagenow.userapi.application.port.in.search.SearchUsersUseCase;

/**
 * Searching users and the caller's friends by name or e-mail: the use cases behind {@code /search}. Each method is the
 * inbound port it comes from, with the same rules, SQL and transactions as the service.
 */
public interface Search extends SearchUsersUseCase, SearchFriendsUseCase {}
