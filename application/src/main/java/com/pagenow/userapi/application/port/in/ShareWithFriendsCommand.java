package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller shares a page ({@code url}, {@code title}) with all accepted friends; {@code idempotencyKey} (the
 * request's {@code Idempotency-Key}, or null) makes a retry answer the first share instead of making another.
 */
public record ShareWithFriendsCommand(@NotNull Caller caller, @NotNull String url, @NotNull String title,
                                      String idempotencyKey) {

    public ShareWithFriendsCommand {
        CommandValidation.validate(ShareWithFriendsCommand.class, caller, url, title, idempotencyKey);
        // Fields are assigned only after this body, so parse the parameters, not the accessors.
        pageUrl(url);
        pageTitle(title);
        IdempotencyKey.ofNullable(idempotencyKey);
    }

    /** Without an idempotency key. */
    public ShareWithFriendsCommand(Caller caller, String url, String title) {
        this(caller, url, title, null);
    }

    public IdempotencyKey key() {
        return IdempotencyKey.ofNullable(idempotencyKey);
    }

    public PageUrl pageUrl() {
        return pageUrl(url);
    }

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
