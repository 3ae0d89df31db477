package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.User;

/** Replaces the caller's allow or deny list. */
public interface ReplaceDomainListUseCase {

    User replaceDomainList(ReplaceDomainListCommand command);
}
