package com.pagenow.userapi.adapter.rest.http.server;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.util.List;

/**
 * An RFC 9457 problem. {@code detail} keeps the old {@code {"detail": "..."}} shape working; {@code errors} is
 * only present on validation failures. {@code retryAfter}, when set, is sent as the {@code Retry-After} header, not
 * in the body; {@code challenge}, when set, as the {@code WWW-Authenticate} header of a 401.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors,
        @JsonIgnore Duration retryAfter,
        @JsonIgnore String challenge) {

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null, null);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, Duration retryAfter) {
        this(type, title, status, detail, errors, retryAfter, null);
    }

    /** The same problem, telling the client to wait {@code wait} before trying again. */
    public Problem withRetryAfter(Duration wait) {
        return new Problem(type, title, status, detail, errors, wait, challenge);
    }

    /** The same 401, with this {@code WWW-Authenticate} value instead of the plain {@code Bearer}. */
    public Problem withChallenge(String wwwAuthenticate) {
        return new Problem(type, title, status, detail, errors, retryAfter, wwwAuthenticate);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Unprocessable Entity", 422, detail, List.copyOf(errors));
    }

    /** One rejected input field. */
    public record FieldError(String field, String message) {}
}
