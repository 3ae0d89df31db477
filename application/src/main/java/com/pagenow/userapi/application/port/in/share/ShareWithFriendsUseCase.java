package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.domain.notification.ShareEventId;

/**
 * The caller shares a page with every current accepted friend: one event and one unseen copy per friend, stored
 * together or not at all. With no friends the event is still stored and reaches nobody.
 */
public interface ShareWithFriendsUseCase {

    /**
     * @param command the caller and the page
     * @return the id of the new event
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the caller has no profile
     */
    ShareEventId shareWithFriends(ShareWithFriendsCommand command);
}
