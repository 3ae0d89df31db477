package com.pagenow.userapi.adapter.rest.http;

import com.pagenow.userapi.adapter.rest.http.server.Problem;

import java.util.List;

/** The request body or a query parameter could not be read as the endpoint expects; answered with 422. */
public final class BadRequestBodyException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public BadRequestBodyException(String message, List<Problem.FieldError> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static BadRequestBodyException field(String field, String message) {
        return new BadRequestBodyException(
                "Invalid " + field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
