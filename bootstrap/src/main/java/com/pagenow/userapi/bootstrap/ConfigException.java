package com.pagenow.userapi.bootstrap;

/** A missing or invalid setting; the message is one line naming the variable. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
