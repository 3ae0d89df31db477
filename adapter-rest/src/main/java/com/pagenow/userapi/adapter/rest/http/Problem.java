package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.util.List;

/**
 * An RFC 9457 problem. {@code detail} keeps the old {@code {"detail": "..."}} shape working; {@code errors} is
 * only present on validation failures. {@code retryAfter}, when set, is sent as the {@code Retry-After} header, not
 * in the body.
 */
public record Problem(String type, String title, int status, String detail,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors,
                      @JsonIgnore Duration retryAfter) {

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    /** The same problem, telling the client to wait {@code wait} before trying again. */
    public Problem withRetryAfter(Duration wait) {
        return new Problem(type, title, status, detail, errors, wait);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Unprocessable Entity", 422, detail, List.copyOf(errors));
    }

    /** One rejected input field. */
    public record FieldError(String field, String message) {
    }
}
