package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

/** Whether pages are shared unless denied ({@code default_all}) or only when allowed ({@code default_none}). */
public enum ShareMode {
    /** Pages are shared unless denied. */
    DEFAULT_ALL("default_all"),
    /** Pages are shared only when allowed. */
    DEFAULT_NONE("default_none");

    private final String code;

    ShareMode(String code) {
        this.code = code;
    }

    /**
     * The name stored and sent: {@code default_all} or {@code default_none}.
     *
     * @return the name
     */
    public String code() {
        return code;
    }

    /**
     * The mode a stored or sent name stands for.
     *
     * @param code the name
     * @return the mode
     * @throws InvalidValueException when no mode has that name
     */
    public static ShareMode fromCode(String code) {
        for (ShareMode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        throw new InvalidValueException("shareMode", "must be one of default_all, default_none");
    }
}
