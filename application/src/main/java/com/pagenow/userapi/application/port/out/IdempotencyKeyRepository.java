package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which share each user's {@link IdempotencyKey} created, and a fingerprint of the request that did, so
 * that a retry answers the same event. At most one live record per user and key (a unique key in the database).
 */
public interface IdempotencyKeyRepository {

    /**
     * The record of {@code user}'s {@code key} made at or after {@code notBefore}, if any.
     *
     * @param user who sent the key
     * @param key the key
     * @param notBefore the oldest record still live
     * @return the record, or empty
     */
    Optional<Recorded> find(UserId user, IdempotencyKey key, Instant notBefore);

    /**
     * Records {@code key} for {@code eventId}; call it in the transaction that created the event. A record of the
     * same key older than {@code notBefore} is replaced. When another transaction holds a live record of the key,
     * this waits for it to end (PostgreSQL) and answers false if it committed: the caller must then roll back.
     *
     * @param user who sent the key
     * @param key the key
     * @param recorded what the request created
     * @param createdAt when
     * @param notBefore the oldest record still live
     * @return true when recorded, false when another transaction recorded the key first
     */
    boolean insertIfAbsent(UserId user, IdempotencyKey key, Recorded recorded, Instant createdAt, Instant notBefore);

    /**
     * Removes every record made before {@code cutoff}; answers how many.
     *
     * @param cutoff records made before this go
     * @return how many were removed
     */
    int deleteCreatedBefore(Instant cutoff);

    /** What a keyed request created: its fingerprint (which request it was) and the event. */
    record Recorded(String fingerprint, ShareEventId eventId) {}
}
