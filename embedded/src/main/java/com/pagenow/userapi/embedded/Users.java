package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.user.GetOwnProfileUseCase;
import com.pagenow.userapi.application.port.in.user.GetPublicProfileUseCase;
import com.pagenow.userapi.application.port.in.user.GetPublicProfilesUseCase;
import com.pagenow.userapi.application.port.in.user.RegisterUserUseCase;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListUseCase;
import com.pagenow.userapi.application.port.in.user.UpdateOwnProfileUseCase;

/**
 * A user's own profile and the profiles others may see: the use cases behind {@code /users}. Each method is the inbound
 * port it comes from, with the same rules, SQL and transactions as the service.
 */
public interface Users
        extends RegisterUserUseCase,
                GetOwnProfileUseCase,
                UpdateOwnProfileUseCase,
                ReplaceDomainListUseCase,
                GetPublicProfileUseCase,
                GetPublicProfilesUseCase {}
