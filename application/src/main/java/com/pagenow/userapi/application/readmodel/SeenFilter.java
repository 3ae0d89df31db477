package com.pagenow.userapi.application.readmodel;

/** Which received shares a list holds: all, only those seen, or only those not yet seen. */
public enum SeenFilter {
    ALL, SEEN, UNSEEN;

    /** {@code is_read}: true for seen, false for unseen, absent for all. */
    public static SeenFilter of(Boolean isRead) {
        if (isRead == null) {
            return ALL;
        }
        return isRead ? SEEN : UNSEEN;
    }

    public boolean accepts(boolean seen) {
        return this == ALL || (this == SEEN) == seen;
    }
}
