package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.PublicProfile;

import java.util.Objects;

/**
 * The public view of a stored profile, with the blocks between its owner and a viewer, seen from the viewer: whether
 * the viewer may see it at all is the caller's decision ({@link BlockStatus#maySeeProfile}).
 *
 * @param profile the public view of the profile
 * @param blocks the blocks between the owner and the viewer, from the viewer's side
 */
public record ProfileWithBlocks(PublicProfile profile, BlockStatus blocks) {

    /**
     * Requires both components.
     *
     * @param profile the public view of the profile
     * @param blocks the blocks between the owner and the viewer, from the viewer's side
     */
    public ProfileWithBlocks {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(blocks, "blocks");
    }
}
