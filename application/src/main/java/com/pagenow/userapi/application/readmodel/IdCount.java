package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;

/**
 * The most user ids one request may name, and the one check of it, for every read that takes a list of ids (public
 * profiles, image URLs, relationships): each is one statement whose size follows the list.
 */
public final class IdCount {

    /** The most ids per request. */
    public static final int MAX = 100;

    private IdCount() {}

    /**
     * Refuses more than {@link #MAX} ids.
     *
     * @param field the request field that holds the ids, named in the error
     * @param count how many ids it holds
     * @throws InvalidValueException when there are more than {@link #MAX}
     */
    public static void check(String field, int count) {
        if (count > MAX) {
            throw new InvalidValueException(field, "at most " + MAX + " ids per request");
        }
    }
}
