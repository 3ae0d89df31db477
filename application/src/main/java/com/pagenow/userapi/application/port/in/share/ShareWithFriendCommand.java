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
 * The caller shares a page ({@code url}, {@code title}) with one friend, {@code sentTo}; {@code idempotencyKey} as
 * in {@link ShareWithFriendsCommand}.
 *
 * @param caller who shares
 * @param url the page's URL
 * @param title the page's title
 * @param sentTo the friend's user id
 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
 */
public record ShareWithFriendCommand(
        @NotNull Caller caller,
        @NotNull String url,
        @NotNull String title,
        @NotNull String sentTo,
        String idempotencyKey) {

    /**
     * Checks the constraints and parses the page, the recipient and the key, so that a command that exists is a valid
     * one.
     *
     * @param caller who shares
     * @param url the page's URL
     * @param title the page's title
     * @param sentTo the friend's user id
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null
     */
    public ShareWithFriendCommand {
        CommandValidation.validate(ShareWithFriendCommand.class, caller, url, title, sentTo, idempotencyKey);
        ShareWithFriendsCommand.pageUrl(url);
        ShareWithFriendsCommand.pageTitle(title);
        recipient(sentTo);
        IdempotencyKey.ofNullable(idempotencyKey);
    }

    /**
     * Without an idempotency key.
     *
     * @param caller who shares
     * @param url the page's URL
     * @param title the page's title
     * @param sentTo the friend's user id
     */
    public ShareWithFriendCommand(Caller caller, String url, String title, String sentTo) {
        this(caller, url, title, sentTo, null);
    }

    /**
     * The idempotency key, parsed.
     *
     * @return the key, or null when none was sent
     */
    public IdempotencyKey key() {
        return IdempotencyKey.ofNullable(idempotencyKey);
    }

    /**
     * The page's URL, parsed.
     *
     * @return the URL
     */
    public PageUrl pageUrl() {
        return ShareWithFriendsCommand.pageUrl(url);
    }

    /**
     * The page's title, parsed.
     *
     * @return the title
     */
    public PageTitle pageTitle() {
        return ShareWithFriendsCommand.pageTitle(title);
    }

    /**
     * The friend shared with, parsed from {@code sentTo}.
     *
     * @return the recipient's id
     */
    public UserId recipient() {
        return recipient(sentTo);
    }

    private static UserId recipient(String raw) {
        return field("sent_to", () -> UserId.of(raw));
    }
}
