package com.pagenow.userapi.application.error;

/** The image store cannot be reached or refused the service's credentials right now; a retry may succeed. */
public class ProfileImageStorageUnavailableException extends RuntimeException {

    /**
     * An exception for an image store that cannot be reached.
     *
     * @param message what failed, without secrets
     * @param cause the client's exception
     */
    public ProfileImageStorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
