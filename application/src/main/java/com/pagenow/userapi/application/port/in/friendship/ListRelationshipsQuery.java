package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import java.util.LinkedHashSet;
import java.util.List;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller's relationships to up to {@value ListRelationshipsUseCase#MAX_IDS} users, in request order.
 *
 * @param caller who asks
 * @param ids the users asked about
 */
public record ListRelationshipsQuery(
        @NotNull Caller caller, @NotNull List<UserId> ids) {

    /**
     * Checks the constraints and the number of ids, and drops repeated ids (each stays where it was first asked).
     *
     * @param caller who asks
     * @param ids the users asked about
     */
    public ListRelationshipsQuery {
        CommandValidation.validate(ListRelationshipsQuery.class, caller, ids);
        IdCount.check("ids", ids.size());
        // An id asked twice is answered once, where it was first asked.
        ids = List.copyOf(new LinkedHashSet<>(ids));
    }

    /**
     * The ids as the query string gives them: comma-separated, blanks between commas ignored.
     *
     * @param caller who asks
     * @param commaSeparatedIds the {@code ids} query parameter
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when no id is given, one is not a user id, there
     *         are more than {@link ListRelationshipsUseCase#MAX_IDS}, or the text has control characters
     */
    public static ListRelationshipsQuery of(Caller caller, String commaSeparatedIds) {
        if (commaSeparatedIds == null || commaSeparatedIds.isBlank()) {
            throw new InvalidValueException("ids", "must name at least one user id");
        }
        // PostgreSQL text cannot hold NUL: refused here as a 422 instead of failing in the database.
        if (commaSeparatedIds.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("ids", "must not contain control characters");
        }
        List<UserId> ids = field(
                "ids",
                () -> java.util.Arrays.stream(commaSeparatedIds.split(","))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .map(UserId::of)
                        .toList());
        return new ListRelationshipsQuery(caller, ids);
    }
}
