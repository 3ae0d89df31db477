package com.pagenow.userapi.application.port.in.user;

import java.io.InputStream;

/**
 * Dev mode only: the service is its own image store, and serves the upload and download URLs it signed under
 * {@link #PATH}{@code {token}}. Each method checks the token (signature, expiry, method) before touching a file.
 * They throw {@link com.pagenow.userapi.domain.error.ForbiddenException} for a token that is forged, expired, for
 * another method, or an upload with other headers than signed, and
 * {@link com.pagenow.userapi.domain.error.NotFoundException} for a download of an object that is not there.
 */
public interface TransferLocalImageUseCase {

    /** The path prefix the signed URLs have; the token follows it. */
    String PATH = "/dev-storage/";

    /**
     * Stores {@code body} (at most {@link #MAX_BYTES}) as the object the upload token names.
     *
     * @param token the upload token from the URL
     * @param contentType the request's {@code Content-Type}, which must be the signed one
     * @param acl the request's {@code x-amz-acl}, which must be the signed one
     * @param body the image's bytes
     */
    void upload(String token, String contentType, String acl, InputStream body);

    /**
     * The object the download token names.
     *
     * @param token the download token from the URL
     * @return the object's bytes and content type
     */
    StoredImage download(String token);

    /** The largest image an upload may store, in bytes. */
    long MAX_BYTES = 5L * 1024 * 1024;

    /** An object's bytes and content type. */
    record StoredImage(byte[] bytes, String contentType) {}
}
