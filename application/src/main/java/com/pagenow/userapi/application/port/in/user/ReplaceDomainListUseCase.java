package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.domain.user.User;

/** Replaces the caller's allow or deny list. */
public interface ReplaceDomainListUseCase {

    /**
     * Replaces one list of the caller's.
     *
     * @param command the caller, which list and its new domains
     * @return the profile with the new list
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller has no profile
     */
    User replaceDomainList(ReplaceDomainListCommand command);
}
