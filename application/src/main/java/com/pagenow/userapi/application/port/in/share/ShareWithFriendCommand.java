package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller shares a page ({@code pageUrl}, {@code pageTitle}) with one friend, {@code recipient}; {@code key} as
 * in {@link ShareWithFriendsCommand}.
 *
 * @param caller who shares
 * @param pageUrl the page's URL
 * @param pageTitle the page's title
 * @param recipient the friend shared with
 * @param key the request's {@code Idempotency-Key}, or null
 */
public record ShareWithFriendCommand(
        @NotNull Caller caller,
        @NotNull PageUrl pageUrl,
        @NotNull PageTitle pageTitle,
        @NotNull UserId recipient,
        IdempotencyKey key) {

    /**
     * Checks the constraints.
     *
     * @param caller who shares
     * @param pageUrl the page's URL
     * @param pageTitle the page's title
     * @param recipient the friend shared with
     * @param key the request's {@code Idempotency-Key}, or null
     */
    public ShareWithFriendCommand {
        CommandValidation.validate(ShareWithFriendCommand.class, caller, pageUrl, pageTitle, recipient, key);
    }

    /**
     * The command for the {@code url}, {@code title}, {@code sent_to} and {@code Idempotency-Key} a client sent.
     *
     * @param caller who shares
     * @param url the page's URL, as sent
     * @param title the page's title, as sent
     * @param sentTo the friend's user id, as sent
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the URL, the title, the user id or the key
     *         is invalid
     */
    public static ShareWithFriendCommand of(
            Caller caller, String url, String title, String sentTo, String idempotencyKey) {
        CommandValidation.validate(Sent.class, caller, url, title, sentTo, idempotencyKey);
        PageUrl pageUrl = ShareWithFriendsCommand.pageUrl(url);
        PageTitle pageTitle = ShareWithFriendsCommand.pageTitle(title);
        UserId recipient = field("sent_to", () -> UserId.of(sentTo));
        return new ShareWithFriendCommand(
                caller, pageUrl, pageTitle, recipient, IdempotencyKey.ofNullable(idempotencyKey));
    }

    /**
     * The command for the {@code url}, {@code title} and {@code sent_to} a client sent, without an idempotency key.
     *
     * @param caller who shares
     * @param url the page's URL, as sent
     * @param title the page's title, as sent
     * @param sentTo the friend's user id, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the URL, the title or the user id is
     *         invalid
     */
    public static ShareWithFriendCommand of(Caller caller, String url, String title, String sentTo) {
        return of(caller, url, title, sentTo, null);
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(
            @NotNull Caller caller,
            @NotNull String url,
            @NotNull String title,
            @NotNull String sentTo,
            String idempotencyKey) {}
}
