package com.pagenow.userapi.application.port.in.account;

import com.pagenow.userapi.application.port.in.Caller;

/** {@code DELETE /users/me}: the caller leaves; everything of theirs goes, in one transaction. */
public interface DeleteAccountUseCase {

    /**
     * @param caller the user leaving
     * @throws RecentSignInRequiredException when the caller signed in too long ago; nothing changes
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller has no profile
     */
    void deleteAccount(Caller caller);
}
