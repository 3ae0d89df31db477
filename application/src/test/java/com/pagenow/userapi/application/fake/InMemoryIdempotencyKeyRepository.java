package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link IdempotencyKeyRepository} in a map keyed like the table's primary key (user, key). */
public class InMemoryIdempotencyKeyRepository implements IdempotencyKeyRepository {

    private final Map<Key, Row> rows = new HashMap<>();

    @Override
    public synchronized Optional<Recorded> find(UserId user, IdempotencyKey key, Instant notBefore) {
        Row row = rows.get(new Key(user, key));
        return row == null || row.createdAt().isBefore(notBefore) ? Optional.empty() : Optional.of(row.recorded());
    }

    @Override
    public synchronized boolean insertIfAbsent(
            UserId user, IdempotencyKey key, Recorded recorded, Instant createdAt, Instant notBefore) {
        Key id = new Key(user, key);
        Row existing = rows.get(id);
        if (existing != null && !existing.createdAt().isBefore(notBefore)) {
            return false;
        }
        rows.put(id, new Row(recorded, createdAt));
        return true;
    }

    @Override
    public synchronized int deleteCreatedBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(row -> row.createdAt().isBefore(cutoff));
        return before - rows.size();
    }

    /** How many keys are held. */
    public synchronized int size() {
        return rows.size();
    }

    private record Key(UserId user, IdempotencyKey key) {}

    private record Row(Recorded recorded, Instant createdAt) {}
}
