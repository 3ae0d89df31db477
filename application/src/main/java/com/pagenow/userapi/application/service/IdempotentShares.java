package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository.Recorded;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.UserId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a share in its transaction and, when the request carries an {@link IdempotencyKey}, records the key in the
 * same transaction: a retry within {@link IdempotencyKey#RETENTION} answers the first event and creates nothing;
 * the same key with another request is refused (422). Two copies of one request running at once cannot both
 * create: the database's unique key makes the second wait, roll back, and answer the first one's event.
 */
final class IdempotentShares {

    static final String REUSED_KEY = "was already used for a different request within 24 hours";
    static final String IN_PROGRESS = "A request with this Idempotency-Key is still in progress, retry shortly";
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final IdempotencyKeyRepository keys;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AtomicReference<Instant> nextCleanup = new AtomicReference<>(Instant.MIN);

    IdempotentShares(IdempotencyKeyRepository keys, TransactionRunner transactions, Clock clock) {
        this.keys = Objects.requireNonNull(keys);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param request what identifies the request besides its key (operation and validated fields), in order
     */
    ShareEventId run(UserId user, IdempotencyKey key, Supplier<ShareEventId> share, String... request) {
        if (key == null) {
            return transactions.inTransaction(share);
        }
        String fingerprint = fingerprint(request);
        Instant now = Timestamps.now(clock);
        Instant notBefore = now.minus(IdempotencyKey.RETENTION);
        ShareEventId answer;
        try {
            answer = transactions.inTransaction(() -> {
                var earlier = keys.find(user, key, notBefore);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), fingerprint);
                }
                ShareEventId created = share.get();
                if (!keys.insertIfAbsent(user, key, new Recorded(fingerprint, created), now, notBefore)) {
                    throw new LostRace();
                }
                return created;
            });
        } catch (LostRace lost) {
            // The other copy committed first; this one's share was rolled back. Answer as a retry would.
            answer = transactions.inTransaction(() -> keys.find(user, key, notBefore)
                    .map(earlier -> replay(earlier, fingerprint))
                    .orElseThrow(() -> new ConflictException(IN_PROGRESS)));
        }
        forgetExpiredKeysIfDue(now);
        return answer;
    }

    private static ShareEventId replay(Recorded earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new InvalidValueException(IdempotencyKey.FIELD, REUSED_KEY);
        }
        return earlier.eventId();
    }

    /** At most once an hour per instance, after the request's own transaction: never inside it. */
    private void forgetExpiredKeysIfDue(Instant now) {
        Instant due = nextCleanup.get();
        if (now.isBefore(due) || !nextCleanup.compareAndSet(due, now.plus(CLEANUP_INTERVAL))) {
            return;
        }
        try {
            keys.deleteCreatedBefore(now.minus(IdempotencyKey.RETENTION));
        } catch (RuntimeException failed) {
            // The share is committed and answered; expired keys only take room, and the next hour tries again.
        }
    }

    /** SHA-256 over the length-prefixed parts, so that no two different requests share one. */
    static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                String text = part == null ? "" : part;
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                digest.update((part == null ? "-" : Integer.toString(bytes.length)).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** Rolls back the transaction that lost the race for a key. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super("idempotency key taken by a concurrent request", null, false, false);
        }
    }
}
