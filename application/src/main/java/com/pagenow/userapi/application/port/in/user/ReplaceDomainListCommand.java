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
 * Replace the caller's allow or deny list; {@code shareType} is {@code allow} or {@code deny}.
 *
 * @param caller whose list
 * @param shareType {@code allow} or {@code deny}
 * @param domains the new list's domains
 */
public record ReplaceDomainListCommand(
        @NotNull Caller caller,
        @NotNull String shareType,
        @NotNull @Size(max = DomainList.MAX_ENTRIES) List<@NotNull String> domains) {

    /**
     * Checks the constraints, {@code shareType} and each domain.
     *
     * @param caller whose list
     * @param shareType {@code allow} or {@code deny}
     * @param domains the new list's domains
     */
    public ReplaceDomainListCommand {
        CommandValidation.validate(ReplaceDomainListCommand.class, caller, shareType, domains);
        // Fields are assigned only after this body, so parse the parameters, not the accessors.
        kind(shareType);
        list(domains);
    }

    /**
     * Which list, from {@code shareType}.
     *
     * @return the allow or the deny list
     */
    public ListKind kind() {
        return kind(shareType);
    }

    /**
     * The domains, parsed.
     *
     * @return the new list
     */
    public DomainList list() {
        return list(domains);
    }

    private static ListKind kind(String shareType) {
        return switch (shareType) {
            case "allow" -> ListKind.ALLOW;
            case "deny" -> ListKind.DENY;
            default -> throw new InvalidValueException("share_type", "must be allow or deny");
        };
    }

    private static DomainList list(List<String> domains) {
        return field("domains", () -> DomainList.parse(domains));
    }
}
