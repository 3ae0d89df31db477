package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.PublicProfile;

import java.util.Objects;

/**
 * The public view of a stored profile, with the blocks between its owner and a viewer, seen from the viewer: whether
 * the viewer may see it at all is the caller's decision ({@link BlockStatus#maySeeProfile}).
 */
public record ProfileWithBlocks(PublicProfile profile, BlockStatus blocks) {

    public ProfileWithBlocks {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(blocks, "blocks");
    }
}
