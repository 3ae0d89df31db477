package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.domain.notification.ShareEventId;

/** The caller shares a page with one accepted friend: one event naming them and their unseen copy. */
public interface ShareWithFriendUseCase {

    /**
     * @param command the caller, the page and the friend
     * @return the id of the new event
     * @throws com.pagenow.userapi.domain.error.ForbiddenException when the recipient is not an accepted friend of
     *         the caller (an unknown user, oneself and a pending request included)
     */
    ShareEventId shareWithFriend(ShareWithFriendCommand command);
}
