package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;

/** Whether pages are shared unless denied ({@code default_all}) or only when allowed ({@code default_none}). */
public enum ShareMode {
    DEFAULT_ALL("default_all"),
    DEFAULT_NONE("default_none");

    private final String code;

    ShareMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ShareMode fromCode(String code) {
        for (ShareMode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        throw new InvalidValueException("share_mode", "must be one of default_all, default_none");
    }
}
