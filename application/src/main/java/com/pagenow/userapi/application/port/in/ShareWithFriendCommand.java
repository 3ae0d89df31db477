package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller shares a page ({@code url}, {@code title}) with one friend, {@code sentTo}; {@code idempotencyKey} as
 * in {@link ShareWithFriendsCommand}.
 */
public record ShareWithFriendCommand(@NotNull Caller caller, @NotNull String url, @NotNull String title,
                                     @NotNull String sentTo, String idempotencyKey) {

    public ShareWithFriendCommand {
        CommandValidation.validate(ShareWithFriendCommand.class, caller, url, title, sentTo, idempotencyKey);
        ShareWithFriendsCommand.pageUrl(url);
        ShareWithFriendsCommand.pageTitle(title);
        recipient(sentTo);
        IdempotencyKey.ofNullable(idempotencyKey);
    }

    /** Without an idempotency key. */
    public ShareWithFriendCommand(Caller caller, String url, String title, String sentTo) {
        this(caller, url, title, sentTo, null);
    }

    public IdempotencyKey key() {
        return IdempotencyKey.ofNullable(idempotencyKey);
    }

    public PageUrl pageUrl() {
        return ShareWithFriendsCommand.pageUrl(url);
    }

    public PageTitle pageTitle() {
        return ShareWithFriendsCommand.pageTitle(title);
    }

    public UserId recipient() {
        return recipient(sentTo);
    }

    private static UserId recipient(String raw) {
        return field("sent_to", () -> UserId.of(raw));
    }
}
