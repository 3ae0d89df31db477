package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.ShareEventId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller marks their copies of these events seen; at most {@value MarkSharesSeenUseCase#MAX_EVENTS} ids.
 *
 * @param caller whose copies
 * @param eventIds the event ids as sent
 */
public record MarkSharesSeenCommand(
        @NotNull Caller caller,

        @NotNull @Size(max = MarkSharesSeenUseCase.MAX_EVENTS)
        List<@NotNull String> eventIds) {

    /**
     * Checks the constraints and that every id is an event id, and copies the list.
     *
     * @param caller whose copies
     * @param eventIds the event ids as sent
     */
    public MarkSharesSeenCommand {
        CommandValidation.validate(MarkSharesSeenCommand.class, caller, eventIds);
        eventIds = List.copyOf(eventIds);
        events(eventIds);
    }

    /**
     * The distinct event ids, in the order given.
     *
     * @return the event ids, without repeats
     */
    public Set<ShareEventId> events() {
        return events(eventIds);
    }

    private static Set<ShareEventId> events(List<String> raw) {
        Set<ShareEventId> events = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            events.add(field("event_ids[" + i + "]", () -> ShareEventId.parse(text)));
        }
        return events;
    }
}
