package com.pagenow.userapi.domain.friendship;

/**
 * The blocks between a viewer and one other user, seen from the viewer: whether the viewer blocks them
 * ({@code blocking}) and whether they block the viewer ({@code blockedBy}). The rules of the graph that follow
 * from it are here.
 */
public record BlockStatus(boolean blocking, boolean blockedBy) {

    /** No block either way. */
    public static final BlockStatus NONE = new BlockStatus(false, false);

    /**
     * Whether a block stands between the two, either way: then neither may ask or find the other. (Nor share with
     * the other: a personal share needs a friendship, which the block has ended and forbids starting again.)
     *
     * <p>For speed, friend lists and counts apply the same rule in SQL to every row at once (adapter-persistence's
     * {@code BlockSql.separatedFrom}); {@code GraphReferenceIT} holds their answers equal to plain loops over the
     * block rows, and {@code FriendGraphContract} holds the PostgreSQL, H2 and in-memory stores to it.
     *
     * @return true when either blocks the other
     */
    public boolean separates() {
        return blocking || blockedBy;
    }

    /** A friend request between the two, in either direction, is refused while a block stands. */
    public void checkMayAsk() {
        if (separates()) {
            throw Block.separated();
        }
    }

    /**
     * Whether the viewer may see the other's profile: not when the other blocks the viewer (they are as unknown);
     * the blocker still sees whom they block.
     *
     * <p>The relationships read applies it in SQL to every asked user at once (adapter-persistence's
     * {@code JooqFriendGraph.relationships}); {@code GraphReferenceIT} and {@code FriendGraphContract} hold it there.
     *
     * @return true unless the other blocks the viewer
     */
    public boolean maySeeProfile() {
        return !blockedBy;
    }

    /**
     * To a viewer the other blocks, the other is indistinguishable from a user who does not exist, on everything
     * that names them: a read answers as for an unknown id, a request, share or block is "User not found".
     */
    public void checkOtherKnown() {
        if (blockedBy) {
            throw com.pagenow.userapi.domain.user.User.notFound();
        }
    }
}
