package com.pagenow.userapi.domain.friendship;

/**
 * How one user stands toward another: the old numeric {@code friendship_state} (0 none, 1 pending, 2 friends)
 * and its directional name.
 */
public enum FriendshipStatus {
    NONE(0, "none"),
    OUTGOING(1, "outgoing"),
    INCOMING(1, "incoming"),
    FRIENDS(2, "friends");

    private final int state;
    private final String code;

    FriendshipStatus(int state, String code) {
        this.state = state;
        this.code = code;
    }

    public int state() {
        return state;
    }

    public String code() {
        return code;
    }

    /** The same relationship seen from the other side. */
    public FriendshipStatus mirrored() {
        return switch (this) {
            case OUTGOING -> INCOMING;
            case INCOMING -> OUTGOING;
            default -> this;
        };
    }
}
