package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.User;

import java.util.Objects;

/** A stored profile with the blocks between its owner and a viewer, seen from the viewer. */
public record ProfileWithBlocks(User profile, BlockStatus blocks) {

    public ProfileWithBlocks {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(blocks, "blocks");
    }
}
