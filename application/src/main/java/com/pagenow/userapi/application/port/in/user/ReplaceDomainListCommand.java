package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.DomainList;
import com.pagenow.userapi.domain.user.SharingSettings.ListKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * Replace the caller's allow or deny list.
 *
 * @param caller whose list
 * @param kind the allow or the deny list
 * @param list the new list
 */
public record ReplaceDomainListCommand(
        @NotNull Caller caller,
        @NotNull ListKind kind,
        @NotNull DomainList list) {

    /**
     * Checks the constraints.
     *
     * @param caller whose list
     * @param kind the allow or the deny list
     * @param list the new list
     */
    public ReplaceDomainListCommand {
        CommandValidation.validate(ReplaceDomainListCommand.class, caller, kind, list);
    }

    /**
     * The command for the {@code share_type} and domains a client sent.
     *
     * @param caller whose list
     * @param shareType {@code allow} or {@code deny}
     * @param domains the new list's domains, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the type or a domain is invalid
     */
    public static ReplaceDomainListCommand of(Caller caller, String shareType, List<String> domains) {
        CommandValidation.validate(Sent.class, caller, shareType, domains);
        ListKind kind = switch (shareType) {
            case "allow" -> ListKind.ALLOW;
            case "deny" -> ListKind.DENY;
            default -> throw new InvalidValueException("share_type", "must be allow or deny");
        };
        return new ReplaceDomainListCommand(caller, kind, field("domains", () -> DomainList.parse(domains)));
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(
            @NotNull Caller caller,
            @NotNull String shareType,
            @NotNull @Size(max = DomainList.MAX_ENTRIES) List<@NotNull String> domains) {}
}
