package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;

/**
 * A user in a list, with how the viewer stands toward them; {@code status} and {@code mutualFriendCount} are
 * {@code null} where a list does not compute them.
 */
public record UserSummary(
        UserId id,
        PersonName firstName,
        PersonName lastName,
        ProfileText description,
        ProfileImage profileImage,
        FriendshipStatus status,
        Long mutualFriendCount) {}
