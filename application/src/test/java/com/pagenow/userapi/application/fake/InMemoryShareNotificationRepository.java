package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.application.readmodel.UserBasics;
import com.pagenow.userapi.domain.notification.ShareDelivery;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ShareNotificationRepository} in maps, with the database's foreign keys on users and its order (newest
 * first, then event id as text, as PostgreSQL compares UUIDs). User data for the read models comes from an
 * {@link InMemoryUserRepository}. Given a {@link DirectTransactionRunner}, it rejects an insert made outside a
 * transaction.
 */
public class InMemoryShareNotificationRepository implements ShareNotificationRepository {

    private static final Comparator<ShareNotificationEvent> NEWEST_FIRST = Comparator.comparing(
                    (ShareNotificationEvent event) -> event.share().sentAt())
            .reversed()
            .thenComparing(event -> event.id().toString());

    private final Map<ShareEventId, ShareNotificationEvent> events = new LinkedHashMap<>();
    private final Map<ShareEventId, Map<UserId, ShareDelivery>> deliveries = new LinkedHashMap<>();
    private final InMemoryUserRepository users;
    private final DirectTransactionRunner transactions;

    public InMemoryShareNotificationRepository(InMemoryUserRepository users) {
        this(users, null);
    }

    public InMemoryShareNotificationRepository(InMemoryUserRepository users, DirectTransactionRunner transactions) {
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public synchronized ShareEventId insert(ShareNotification share) {
        if (transactions != null && !transactions.isActive()) {
            throw new IllegalStateException("insert outside a transaction");
        }
        requireUser(share.sender());
        share.recipients().forEach(this::requireUser);
        ShareEventId id = ShareEventId.of(UUID.randomUUID());
        events.put(id, new ShareNotificationEvent(id, share));
        Map<UserId, ShareDelivery> copies = new LinkedHashMap<>();
        share.recipients().forEach(recipient -> copies.put(recipient, ShareDelivery.unseen(id, recipient)));
        deliveries.put(id, copies);
        return id;
    }

    @Override
    public synchronized List<ReceivedShare> receivedBy(UserId recipient, SeenFilter filter) {
        return events.values().stream()
                .sorted(NEWEST_FIRST)
                .filter(event -> {
                    ShareDelivery copy = deliveries.get(event.id()).get(recipient);
                    return copy != null && filter.accepts(copy.isSeen());
                })
                .map(event -> new ReceivedShare(
                        event.id(),
                        basics(event.share().sender()),
                        event.share().sentAt(),
                        event.share().url().value(),
                        event.share().title().value(),
                        deliveries.get(event.id()).get(recipient).seenAt()))
                .toList();
    }

    @Override
    public synchronized List<SentShare> sentBy(UserId sender, PageRequest page) {
        return events.values().stream()
                .filter(event -> event.share().sender().equals(sender))
                .sorted(NEWEST_FIRST)
                .skip(page.offset())
                .limit(page.limit())
                .map(event -> new SentShare(
                        event.id(),
                        event.share().url().value(),
                        event.share().title().value(),
                        event.share().sentAt(),
                        event.share().personalRecipient().map(this::basics).orElse(null),
                        deliveries.get(event.id()).values().stream()
                                .filter(copy -> !copy.isSeen())
                                .count()))
                .toList();
    }

    @Override
    public synchronized int markSeen(UserId recipient, Set<ShareEventId> eventIds, Instant seenAt) {
        int changed = 0;
        for (ShareEventId id : eventIds) {
            Map<UserId, ShareDelivery> copies = deliveries.get(id);
            ShareDelivery copy = copies == null ? null : copies.get(recipient);
            if (copy != null && !copy.isSeen()) {
                copies.put(recipient, copy.markSeenBy(recipient, seenAt));
                changed++;
            }
        }
        return changed;
    }

    /** Every stored event, in insertion order. */
    public synchronized List<ShareNotificationEvent> allEvents() {
        return List.copyOf(events.values());
    }

    /** Every stored copy, in insertion order. */
    public synchronized List<ShareDelivery> allDeliveries() {
        List<ShareDelivery> all = new ArrayList<>();
        deliveries.values().forEach(copies -> all.addAll(copies.values()));
        return List.copyOf(all);
    }

    private UserBasics basics(UserId id) {
        User user = requireUser(id);
        return new UserBasics(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.profileImage().extension());
    }

    private User requireUser(UserId id) {
        // The database's foreign keys refuse such rows; a fake that accepted them would hide a broken test setup.
        return users.findById(id).orElseThrow(() -> new IllegalStateException("no user " + id + " in the fake"));
    }

    /** A stored event with the id it was given. */
    public record ShareNotificationEvent(ShareEventId id, ShareNotification share) {}
}
