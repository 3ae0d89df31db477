package com.pagenow.userapi.application.validation;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * A user id as a client sends it, under one of the names the API gives one. As for every command's inputs, a
 * missing one is reported by the name it is sent under, all at once and before a malformed one; a malformed id is
 * reported as the field the client sent.
 */
public enum SentUserId {
    /** Sent as {@code user_id}. */
    USER_ID("userId", "user_id"),
    /** Sent as {@code user_id1}. */
    USER_ID1("userId1", "user_id1"),
    /** Sent as {@code user_id2}. */
    USER_ID2("userId2", "user_id2");

    private final String sentName;
    private final String field;

    SentUserId(String sentName, String field) {
        this.sentName = sentName;
        this.field = field;
    }

    /**
     * The id a caller sent.
     *
     * @param caller who sent it
     * @param raw the id as sent
     * @return the id
     * @throws jakarta.validation.ConstraintViolationException when the caller or the id is missing
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the id is not a user id
     */
    public UserId parse(Caller caller, String raw) {
        CommandValidation.validate(Sent.class, new String[] {"caller", sentName}, caller, raw);
        return parsePresent(raw);
    }

    /**
     * The id a caller sent with the page they asked for.
     *
     * @param caller who sent it
     * @param raw the id as sent
     * @param page which page
     * @return the id
     * @throws jakarta.validation.ConstraintViolationException when the caller, the id or the page is missing
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the id is not a user id
     */
    public UserId parse(Caller caller, String raw, PageRequest page) {
        CommandValidation.validate(Sent.class, new String[] {"caller", sentName, "page"}, caller, raw, page);
        return parsePresent(raw);
    }

    /**
     * The id, for a command that has checked that its inputs are present.
     *
     * @param raw the id as sent, not null
     * @return the id
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the id is not a user id
     */
    public UserId parsePresent(String raw) {
        return field(field, () -> UserId.of(raw));
    }

    /** The inputs that come with a user id, under every name one is sent as; only the ones named are validated. */
    private record Sent(
            @NotNull Caller caller,
            @NotNull String userId,
            @NotNull String userId1,
            @NotNull String userId2,
            @NotNull PageRequest page) {}
}
