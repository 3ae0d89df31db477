package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;

/**
 * A window of a list: {@code limit} rows after skipping {@code offset}; never negative.
 *
 * @param limit the most rows
 * @param offset the rows to skip
 */
public record PageRequest(int limit, int offset) {

    /**
     * Checks that neither is negative.
     *
     * @param limit the most rows
     * @param offset the rows to skip
     */
    public PageRequest {
        if (limit < 0) {
            throw new InvalidValueException("limit", "must not be negative");
        }
        if (offset < 0) {
            throw new InvalidValueException("offset", "must not be negative");
        }
    }

    /**
     * A page.
     *
     * @param limit the most rows
     * @param offset the rows to skip
     * @return the page
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when either is negative
     */
    public static PageRequest of(int limit, int offset) {
        return new PageRequest(limit, offset);
    }

    /**
     * Larger limits are clamped to the endpoint's maximum, not rejected (the old behaviour).
     *
     * @param maxLimit the endpoint's maximum
     * @return this page, or one with the maximum limit
     */
    public PageRequest clampedTo(int maxLimit) {
        return limit <= maxLimit ? this : new PageRequest(maxLimit, offset);
    }

    /**
     * Whether the page holds no rows.
     *
     * @return true for a limit of 0
     */
    public boolean isEmpty() {
        return limit == 0;
    }
}
