package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;

/** A pending request someone sent to the viewer, with the requester's public basics. */
public record FriendRequest(
        UserId requester,
        PersonName firstName,
        PersonName lastName,
        ProfileText description,
        ProfileImage profileImage,
        Instant requestedAt) {}
