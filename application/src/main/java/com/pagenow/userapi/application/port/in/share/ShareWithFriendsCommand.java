package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller shares a page ({@code pageUrl}, {@code pageTitle}) with all accepted friends; {@code key} (the
 * request's {@code Idempotency-Key}, or null) makes a retry answer the first share instead of making another.
 *
 * @param caller who shares
 * @param pageUrl the page's URL
 * @param pageTitle the page's title
 * @param key the request's {@code Idempotency-Key}, or null
 */
public record ShareWithFriendsCommand(
        @NotNull Caller caller,
        @NotNull PageUrl pageUrl,
        @NotNull PageTitle pageTitle,
        IdempotencyKey key) {

    /**
     * Checks the constraints.
     *
     * @param caller who shares
     * @param pageUrl the page's URL
     * @param pageTitle the page's title
     * @param key the request's {@code Idempotency-Key}, or null
     */
    public ShareWithFriendsCommand {
        CommandValidation.validate(ShareWithFriendsCommand.class, caller, pageUrl, pageTitle, key);
    }

    /**
     * The command for the {@code url}, {@code title} and {@code Idempotency-Key} a client sent.
     *
     * @param caller who shares
     * @param url the page's URL, as sent
     * @param title the page's title, as sent
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the URL, the title or the key is invalid
     */
    public static ShareWithFriendsCommand of(Caller caller, String url, String title, String idempotencyKey) {
        CommandValidation.validate(Sent.class, caller, url, title, idempotencyKey);
        PageUrl pageUrl = pageUrl(url);
        PageTitle pageTitle = pageTitle(title);
        return new ShareWithFriendsCommand(caller, pageUrl, pageTitle, IdempotencyKey.ofNullable(idempotencyKey));
    }

    /**
     * The command for the {@code url} and {@code title} a client sent, without an idempotency key.
     *
     * @param caller who shares
     * @param url the page's URL, as sent
     * @param title the page's title, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the URL or the title is invalid
     */
    public static ShareWithFriendsCommand of(Caller caller, String url, String title) {
        return of(caller, url, title, null);
    }

    static PageUrl pageUrl(String raw) {
        return field("url", () -> PageUrl.of(raw));
    }

    static PageTitle pageTitle(String raw) {
        return field("title", () -> PageTitle.of(raw));
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(
            @NotNull Caller caller,
            @NotNull String url,
            @NotNull String title,
            String idempotencyKey) {}
}
