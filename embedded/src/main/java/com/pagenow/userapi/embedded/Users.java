package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.GetOwnProfileUseCase;
import com.pagenow.userapi.application.port.in.GetPublicProfileUseCase;
import com.pagenow.userapi.application.port.in.GetPublicProfilesUseCase;
import com.pagenow.userapi.application.port.in.RegisterUserUseCase;
import com.pagenow.userapi.application.port.in.ReplaceDomainListUseCase;
import com.pagenow.userapi.application.port.in.UpdateOwnProfileUseCase;

/**
 * A user's own profile and the profiles others may see: the use cases behind {@code /users}. Each method is the inbound port it comes from, with the same rules, SQL and transactions as the service.
 */
public interface Users extends RegisterUserUseCase,
        GetOwnProfileUseCase,
        UpdateOwnProfileUseCase,
        ReplaceDomainListUseCase,
        GetPublicProfileUseCase,
        GetPublicProfilesUseCase {
}
