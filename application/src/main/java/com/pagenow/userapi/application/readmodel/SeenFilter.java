package com.pagenow.userapi.application.readmodel;

/** Which received shares a list holds: all, only those seen, or only those not yet seen. */
public enum SeenFilter {
    /** Every received share. */
    ALL,
    /** Only the shares seen. */
    SEEN,
    /** Only the shares not yet seen. */
    UNSEEN;

    /**
     * {@code is_read}: true for seen, false for unseen, absent for all.
     *
     * @param isRead the parameter's value, or null
     * @return the filter
     */
    public static SeenFilter of(Boolean isRead) {
        if (isRead == null) {
            return ALL;
        }
        return isRead ? SEEN : UNSEEN;
    }

    /**
     * Whether a share of this seen state belongs in the list.
     *
     * @param seen whether the share was seen
     * @return true when it belongs
     */
    public boolean accepts(boolean seen) {
        return this == ALL || (this == SEEN) == seen;
    }
}
