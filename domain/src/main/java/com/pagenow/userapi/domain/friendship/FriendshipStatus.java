package com.pagenow.userapi.domain.friendship;

/**
 * How one user stands toward another: the old numeric {@code friendship_state} (0 none, 1 pending, 2 friends)
 * and its directional name.
 */
public enum FriendshipStatus {
    /** No relationship. */
    NONE(0, "none"),
    /** The viewer asked; the other has not answered. */
    OUTGOING(1, "outgoing"),
    /** The other asked the viewer; the viewer has not answered. */
    INCOMING(1, "incoming"),
    /** Accepted: friends. */
    FRIENDS(2, "friends");

    private final int state;
    private final String code;

    FriendshipStatus(int state, String code) {
        this.state = state;
        this.code = code;
    }

    /**
     * The old service's {@code friendship_state}: 0 none, 1 pending (either way), 2 friends.
     *
     * @return 0, 1 or 2
     */
    public int state() {
        return state;
    }

    /**
     * The name the HTTP API uses: {@code none}, {@code outgoing}, {@code incoming}, {@code friends}.
     *
     * @return the name
     */
    public String code() {
        return code;
    }

    /**
     * The same relationship seen from the other side.
     *
     * @return the mirrored status
     */
    public FriendshipStatus mirrored() {
        return switch (this) {
            case OUTGOING -> INCOMING;
            case INCOMING -> OUTGOING;
            default -> this;
        };
    }
}
