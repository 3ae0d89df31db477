package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;

/** A window of a list: {@code limit} rows after skipping {@code offset}; never negative. */
public record PageRequest(int limit, int offset) {

    public PageRequest {
        if (limit < 0) {
            throw new InvalidValueException("limit", "must not be negative");
        }
        if (offset < 0) {
            throw new InvalidValueException("offset", "must not be negative");
        }
    }

    public static PageRequest of(int limit, int offset) {
        return new PageRequest(limit, offset);
    }

    /** Larger limits are clamped to the endpoint's maximum, not rejected (the old behaviour). */
    public PageRequest clampedTo(int maxLimit) {
        return limit <= maxLimit ? this : new PageRequest(maxLimit, offset);
    }

    public boolean isEmpty() {
        return limit == 0;
    }
}
