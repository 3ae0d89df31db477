package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Stores blocks: at most one per blocker and blocked user; each side may block the other. */
public interface BlockRepository {

    /**
     * Stores the block; {@code false} when the blocker already blocks that user (the first block stays).
     *
     * @param block the block to store
     * @return true when it was stored
     */
    boolean insert(Block block);

    /**
     * Deletes the blocker's block of {@code blocked}; {@code false} when there was none.
     *
     * @param blocker who blocks
     * @param blocked who is blocked
     * @return true when a block was deleted
     */
    boolean delete(UserId blocker, UserId blocked);

    /**
     * The blocks between {@code viewer} and {@code other}, seen from {@code viewer}; reads the primary.
     *
     * @param viewer whose side
     * @param other the other user
     * @return whether either blocks the other
     */
    BlockStatus between(UserId viewer, UserId other);

    /**
     * Those of {@code among} who block {@code viewer}.
     *
     * @param viewer the user who may be blocked
     * @param among the users to check
     * @return those who block {@code viewer}
     */
    Set<UserId> blockersOf(UserId viewer, Collection<UserId> among);

    /**
     * A page of the users {@code blocker} blocks, newest block first.
     *
     * @param blocker who blocks
     * @param page which page
     * @return the blocked users
     */
    List<BlockedUser> blockedBy(UserId blocker, PageRequest page);

    /**
     * Inside a transaction, makes every other transaction that changes what stands between {@code a} and
     * {@code b} (a request, a block) wait until this one ends, so that a request cannot slip in beside a block.
     *
     * @param a one user
     * @param b the other user
     */
    void lockPair(UserId a, UserId b);
}
