package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller shares a page ({@code url}, {@code title}) with all accepted friends; {@code idempotencyKey} (the
 * request's {@code Idempotency-Key}, or null) makes a retry answer the first share instead of making another.
 *
 * @param caller who shares
 * @param url the page's URL
 * @param title the page's title
 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
 */
public record ShareWithFriendsCommand(
        @NotNull Caller caller,
        @NotNull String url,
        @NotNull String title,
        String idempotencyKey) {

    /**
     * Checks the constraints and parses the page and the key, so that a command that exists is a valid one.
     *
     * @param caller who shares
     * @param url the page's URL
     * @param title the page's title
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null
     */
    public ShareWithFriendsCommand {
        CommandValidation.validate(ShareWithFriendsCommand.class, caller, url, title, idempotencyKey);
        // Fields are assigned only after this body, so parse the parameters, not the accessors.
        pageUrl(url);
        pageTitle(title);
        IdempotencyKey.ofNullable(idempotencyKey);
    }

    /**
     * Without an idempotency key.
     *
     * @param caller who shares
     * @param url the page's URL
     * @param title the page's title
     */
    public ShareWithFriendsCommand(Caller caller, String url, String title) {
        this(caller, url, title, null);
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
        return pageUrl(url);
    }

    /**
     * The page's title, parsed.
     *
     * @return the title
     */
    public PageTitle pageTitle() {
        return pageTitle(title);
    }

    static PageUrl pageUrl(String raw) {
        return field("url", () -> PageUrl.of(raw));
    }

    static PageTitle pageTitle(String raw) {
        return field("title", () -> PageTitle.of(raw));
    }
}
