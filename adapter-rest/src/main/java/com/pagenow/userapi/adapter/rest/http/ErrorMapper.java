package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.pagenow.userapi.adapter.rest.http.server.Problem;
import com.pagenow.userapi.adapter.rest.http.server.RequestIds;
import com.pagenow.userapi.application.error.DatabaseUnavailableException;
import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.error.TokenVerifierUnavailableException;
import com.pagenow.userapi.application.port.in.account.RecentSignInRequiredException;
import com.pagenow.userapi.application.port.in.event.StreamCapacityException;
import com.pagenow.userapi.application.port.in.event.TooManyStreamsException;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.DomainException;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.UrlDecodeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that turns a failure into a problem response; nothing internal reaches the client.
 * <table>
 * <caption>failure and answer</caption>
 * <tr><td>{@link InvalidValueException}, {@link ConstraintViolationException}, {@link BadRequestBodyException},
 * a body Jackson cannot read ({@link JsonBodyException})</td><td>422 with {@code errors}</td></tr>
 * <tr><td>{@link NotFoundException}</td><td>404</td></tr>
 * <tr><td>{@link ConflictException}</td><td>409</td></tr>
 * <tr><td>{@link ForbiddenException}</td><td>403</td></tr>
 * <tr><td>{@link TokenRejectedException}</td><td>401</td></tr>
 * <tr><td>{@link RecentSignInRequiredException}</td><td>401 with an RFC 9470 challenge</td></tr>
 * <tr><td>{@link TokenVerifierUnavailableException}</td><td>503</td></tr>
 * <tr><td>{@link ApiRequest.BodyReadException}</td><td>413 past 64 KiB, else 400</td></tr>
 * <tr><td>anything else (a bug)</td><td>500 with a correlation id, logged</td></tr>
 * </table>
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    // The domain names its own concepts; these are the fields the HTTP API calls them. Any other name is the API's
    // already (a command re-labelled it, or the two agree, as for email).
    private static final Map<String, String> API_FIELDS =
            Map.of("addressee", "user_id2", "blocked", "user_id", "shareMode", "share_mode");

    public Problem toProblem(Throwable failure) {
        if (failure instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return fromViolations(violations);
        }
        if (failure instanceof JsonBodyException json) {
            return fromJson(json.json());
        }
        if (failure instanceof BadRequestBodyException badBody) {
            return Problem.invalid(badBody.getMessage(), badBody.errors());
        }
        if (failure instanceof TokenRejectedException rejected) {
            return Problem.of(
                    401,
                    "Unauthorized",
                    rejected.getMessage() + " (" + rejected.reason().code() + ")");
        }
        if (failure instanceof RecentSignInRequiredException tooOld) {
            // RFC 9470: the client signs in again (max_age) and retries.
            return Problem.of(401, "Unauthorized", tooOld.getMessage())
                    .withChallenge("Bearer error=\"insufficient_user_authentication\","
                            + " error_description=\"A more recent sign-in is required\", max_age="
                            + tooOld.maxAge().toSeconds());
        }
        if (failure instanceof TokenVerifierUnavailableException) {
            return Problem.of(503, "Service Unavailable", "Sign-in keys are unavailable, try again shortly");
        }
        if (failure instanceof TooManyStreamsException tooMany) {
            return Problem.of(429, "Too Many Requests", tooMany.getMessage());
        }
        if (failure instanceof StreamCapacityException full) {
            return Problem.of(503, "Service Unavailable", full.getMessage());
        }
        if (failure instanceof ProfileImageStorageUnavailableException) {
            return Problem.of(503, "Service Unavailable", "Profile image storage is unavailable, try again shortly");
        }
        if (failure instanceof DatabaseUnavailableException unavailable) {
            LOG.warn("Answered 503: {}", unavailable.getMessage());
            return Problem.of(503, "Service Unavailable", "The database is unavailable, try again shortly");
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
        if (failure instanceof UrlDecodeException) {
            return Problem.of(400, "Bad Request", "The path or query string is not valid %-encoded UTF-8");
        }
        // The request id (RequestIds) is on this log line too, so the two can be matched.
        String correlationId = RequestIds.current() != null ? RequestIds.current() : RequestIds.newId();
        LOG.error("Unexpected failure, correlation id {}", correlationId, failure);
        return Problem.of(500, "Internal Server Error", "Unexpected error, correlation id " + correlationId);
    }

    private static Problem fromDomain(DomainException failure) {
        if (failure instanceof InvalidValueException invalid) {
            String field = API_FIELDS.getOrDefault(invalid.field(), invalid.field());
            return Problem.invalid(
                    field + ": " + invalid.getMessage(), List.of(new Problem.FieldError(field, invalid.getMessage())));
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
        throw new IllegalStateException(
                "unmapped domain error " + failure.getClass().getSimpleName());
    }

    /** The field Jackson stopped at and the type it wanted, in the client's words. */
    private static Problem fromJson(JsonProcessingException failure) {
        BadRequestBodyException invalid = failure instanceof JsonMappingException mapping
                ? BadRequestBodyException.field(
                        fieldPath(mapping),
                        mapping.getOriginalMessage() == null ? "has the wrong type" : describe(mapping))
                : BadRequestBodyException.field("body", "is not valid JSON");
        return Problem.invalid(invalid.getMessage(), invalid.errors());
    }

    private static String fieldPath(JsonMappingException mapping) {
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof NulRejectingStringDeserializer.RejectedText) {
            return mapping.getOriginalMessage();
        }
        if (mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null) {
            return "must be " + typeName(mismatch.getTargetType());
        }
        return "has the wrong type";
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of type " + type.getSimpleName();
    }

    private static Problem fromViolations(ConstraintViolationException failure) {
        List<Problem.FieldError> errors = failure.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
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
