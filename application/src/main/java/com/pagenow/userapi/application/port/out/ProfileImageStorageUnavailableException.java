package com.pagenow.userapi.application.port.out;

/** The image store cannot be reached or refused the service's credentials right now; a retry may succeed. */
public class ProfileImageStorageUnavailableException extends RuntimeException {

    public ProfileImageStorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
