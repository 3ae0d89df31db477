package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.adapter.rest.http.server.JsonAttachment;
import com.pagenow.userapi.adapter.rest.http.server.NoContent;
import com.pagenow.userapi.application.port.in.account.DeleteAccountUseCase;
import com.pagenow.userapi.application.port.in.account.ExportAccountUseCase;
import com.pagenow.userapi.application.readmodel.AccountExport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/** Leaving (API.md, "Leaving"): the caller's data export and the deletion of their account. */
public final class AccountRoutes implements Routes {

    private final ExportAccountUseCase export;
    private final DeleteAccountUseCase delete;

    /**
     * The routes over the service implementing their use cases; each route keeps the use case it calls.
     *
     * @param accounts the account service
     * @param <A> the use cases of accounts
     */
    public <A extends ExportAccountUseCase & DeleteAccountUseCase> AccountRoutes(A accounts) {
        this.export = accounts;
        this.delete = accounts;
    }

    @Override
    public void register(Router router) {
        router.export("/users/me/export", this::export);
        router.delete("/users/me", this::delete);
    }

    private Object export(ApiRequest request) {
        AccountExport account = export.exportAccount(request.caller());
        return new JsonAttachment(
                "pagenow-export-" + account.profile().id().value() + ".json", out -> write(account, out));
    }

    private Object delete(ApiRequest request) {
        delete.deleteAccount(request.caller());
        return NoContent.INSTANCE;
    }

    /** {@code pagenow-export/1}: docs/api.md, "Leaving". Each list is written as its pages are read. */
    static void write(AccountExport account, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("format", AccountExport.FORMAT);
        out.writeFieldName("exported_at");
        out.writeObject(account.exportedAt());
        out.writeFieldName("profile");
        out.writeObject(UserResponses.Private.of(account.profile()));
        list(
                out,
                "friends",
                each -> account.friends(friend -> each.accept(new Friend(
                        friend.userId().value(),
                        friend.firstName(),
                        friend.lastName(),
                        friend.requestedAt(),
                        friend.acceptedAt()))));
        list(
                out,
                "requests_sent",
                each -> account.requestsSent(
                        sent -> each.accept(new Request(sent.userId().value(), sent.requestedAt()))));
        list(
                out,
                "requests_received",
                each -> account.requestsReceived(
                        received -> each.accept(new Request(received.userId().value(), received.requestedAt()))));
        list(
                out,
                "blocks",
                each -> account.blocks(
                        blocked -> each.accept(new Blocked(blocked.userId().value(), blocked.blockedAt()))));
        list(
                out,
                "shares_sent",
                each -> account.sharesSent(share -> each.accept(new SentShare(
                        share.eventId(),
                        share.url(),
                        share.title(),
                        share.sentAt(),
                        share.sentTo() == null ? null : share.sentTo().value()))));
        list(
                out,
                "shares_received",
                each -> account.sharesReceived(share -> each.accept(new ReceivedShare(
                        share.eventId(),
                        share.sender().value(),
                        share.url(),
                        share.title(),
                        share.sentAt(),
                        share.seenAt()))));
        out.writeFieldName("profile_image");
        out.writeObject(
                account.image() == null
                        ? null
                        : new Image(
                                account.image().extension(),
                                account.image().uploadedAt(),
                                account.image().url().toString()));
        out.writeEndObject();
    }

    private static void list(JsonGenerator out, String name, Consumer<Consumer<Object>> rows) throws IOException {
        out.writeArrayFieldStart(name);
        try {
            rows.accept(row -> {
                try {
                    out.writeObject(row);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        out.writeEndArray();
    }

    record Friend(String userId, String firstName, String lastName, Instant requestedAt, Instant acceptedAt) {}

    record Request(String userId, Instant requestedAt) {}

    record Blocked(String userId, Instant blockedAt) {}

    record SentShare(UUID eventId, String url, String title, Instant sentAt, String sentTo) {}

    record ReceivedShare(UUID eventId, String userId, String url, String title, Instant sentAt, Instant seenAt) {}

    record Image(String extension, Instant uploadedAt, String url) {}
}
