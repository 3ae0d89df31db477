package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.ProfileWithBlocks;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Optional;

/** Reads a profile as another user sees it, with the blocks between them: one read joining users and blocks. */
public interface PublicProfiles {

    /**
     * The public view of {@code other}'s profile with the blocks between the two (as
     * {@link BlockRepository#between} reads them), in one read of the primary; empty when there is no such
     * profile. The read behind every {@code /users/id/{id}}: it reads only what the public view shows, so not the
     * domain lists.
     *
     * @param viewer who looks
     * @param other whose profile
     * @return the profile and the blocks, or empty
     */
    Optional<ProfileWithBlocks> profileWithBlocks(UserId viewer, UserId other);
}
