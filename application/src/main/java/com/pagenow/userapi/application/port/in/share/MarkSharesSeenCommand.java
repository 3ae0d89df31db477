package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.ShareEventId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller marks their copies of these events seen; at most {@value MarkSharesSeenUseCase#MAX_EVENTS} ids.
 *
 * @param caller whose copies
 * @param events the distinct event ids, in the order given
 */
public record MarkSharesSeenCommand(
        @NotNull Caller caller,

        @NotNull @Size(max = MarkSharesSeenUseCase.MAX_EVENTS)
        Set<@NotNull ShareEventId> events) {

    /**
     * Checks the constraints and copies the set, keeping its order.
     *
     * @param caller whose copies
     * @param events the distinct event ids, in the order given
     */
    public MarkSharesSeenCommand {
        CommandValidation.validate(MarkSharesSeenCommand.class, caller, events);
        events = Collections.unmodifiableSet(new LinkedHashSet<>(events));
    }

    /**
     * The command for the {@code event_id}s a client sent; a repeated id counts once.
     *
     * @param caller whose copies
     * @param eventIds the event ids as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when an id is not an event id (named by its
     *         position)
     */
    public static MarkSharesSeenCommand of(Caller caller, List<String> eventIds) {
        CommandValidation.validate(Sent.class, caller, eventIds);
        Set<ShareEventId> events = new LinkedHashSet<>();
        for (int i = 0; i < eventIds.size(); i++) {
            String text = eventIds.get(i);
            events.add(field("event_ids[" + i + "]", () -> ShareEventId.parse(text)));
        }
        return new MarkSharesSeenCommand(caller, events);
    }

    /** The inputs as sent; a missing one is reported by its name (and position) here. */
    private record Sent(
            @NotNull Caller caller,

            @NotNull @Size(max = MarkSharesSeenUseCase.MAX_EVENTS)
            List<@NotNull String> eventIds) {}
}
