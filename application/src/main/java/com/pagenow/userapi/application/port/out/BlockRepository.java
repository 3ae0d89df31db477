package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ProfileWithBlocks;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores blocks: at most one per blocker and blocked user; each side may block the other. */
public interface BlockRepository {

    /** Stores the block; {@code false} when the blocker already blocks that user (the first block stays). */
    boolean insert(Block block);

    /** Deletes the blocker's block of {@code blocked}; {@code false} when there was none. */
    boolean delete(UserId blocker, UserId blocked);

    /** The blocks between {@code viewer} and {@code other}, seen from {@code viewer}; reads the primary. */
    BlockStatus between(UserId viewer, UserId other);

    /**
     * The public view of {@code other}'s profile with {@link #between} the two, in one read of the primary; empty when
     * there is no such profile. The read behind every {@code /users/id/{id}}: it reads only what the public view
     * shows, so not the domain lists.
     */
    Optional<ProfileWithBlocks> profileWithBlocks(UserId viewer, UserId other);

    /** Those of {@code among} who block {@code viewer}. */
    Set<UserId> blockersOf(UserId viewer, Collection<UserId> among);

    /** A page of the users {@code blocker} blocks, newest block first. */
    List<BlockedUser> blockedBy(UserId blocker, PageRequest page);

    /**
     * Inside a transaction, makes every other transaction that changes what stands between {@code a} and
     * {@code b} (a request, a block) wait until this one ends, so that a request cannot slip in beside a block.
     */
    void lockPair(UserId a, UserId b);
}
