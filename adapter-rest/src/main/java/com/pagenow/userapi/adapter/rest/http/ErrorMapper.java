package com.pagenow.userapi.adapter.rest.http;

import com.pagenow.userapi.application.port.out.TokenRejectedException;
import com.pagenow.userapi.application.port.out.TokenVerifierUnavailableException;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.DomainException;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import io.undertow.server.RequestTooBigException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The one place that turns a failure into a problem response; nothing internal reaches the client. */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    public Problem toProblem(Throwable failure) {
        if (failure instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return fromViolations(violations);
        }
        if (failure instanceof BadRequestBodyException badBody) {
            return Problem.invalid(badBody.getMessage(), badBody.errors());
        }
        if (failure instanceof TokenRejectedException) {
            return Problem.of(401, "Unauthorized", "Not authenticated");
        }
        if (failure instanceof TokenVerifierUnavailableException) {
            return Problem.of(503, "Service Unavailable", "Sign-in keys are unavailable, try again shortly");
        }
        if (failure instanceof RateLimitExceededException limited) {
            return Problem.of(429, "Too Many Requests", "Too many requests, try again in a moment")
                    .withRetryAfter(limited.retryAfter());
        }
        if (failure instanceof ApiRequest.BodyReadException read) {
            return read.getCause() instanceof RequestTooBigException
                    ? Problem.of(413, "Content Too Large", "Request body is larger than 64 KiB")
                    : Problem.of(400, "Bad Request", "Request body could not be read");
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, correlation id {}", correlationId, failure);
        return Problem.of(500, "Internal Server Error", "Unexpected error, correlation id " + correlationId);
    }

    private static Problem fromDomain(DomainException failure) {
        if (failure instanceof InvalidValueException invalid) {
            return Problem.invalid(invalid.field() + ": " + invalid.getMessage(),
                    List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
        }
        if (failure instanceof NotFoundException) {
            return Problem.of(404, "Not Found", failure.getMessage());
        }
        if (failure instanceof ConflictException) {
            return Problem.of(409, "Conflict", failure.getMessage());
        }
        if (failure instanceof ForbiddenException) {
            return Problem.of(403, "Forbidden", failure.getMessage());
        }
        throw new IllegalStateException("unmapped domain error " + failure.getClass().getSimpleName());
    }

    private static Problem fromViolations(ConstraintViolationException failure) {
        List<Problem.FieldError> errors = failure.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        return Problem.invalid(detail, errors);
    }

    /** {@code domainAllowArray[3].<list element>} becomes {@code domain_allow_array[3]}, as the client spells it. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() == null || node.getName().startsWith("<")) {
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(snakeCase(node.getName()));
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.length() == 0 ? "body" : name.toString();
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
