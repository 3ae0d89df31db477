package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.AccountDeletionRepository;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.DeletedAccount;
import com.pagenow.userapi.domain.user.UserId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deletes the profile of the in-memory users (the other fakes' rows are not its concern) and keeps tombstones. */
public class InMemoryAccountDeletionRepository implements AccountDeletionRepository {

    private final InMemoryUserRepository users;
    private final Map<UserId, DeletedAccount> tombstones = new HashMap<>();
    private final List<CleanupTask.Kind> recorded = new ArrayList<>();

    public InMemoryAccountDeletionRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized boolean delete(DeletedAccount account, List<CleanupTask.Kind> cleanup) {
        if (!users.remove(account.userId())) {
            return false;
        }
        tombstones.put(account.userId(), account);
        recorded.addAll(cleanup);
        return true;
    }

    @Override
    public synchronized Optional<DeletedAccount> tombstone(UserId id) {
        return Optional.ofNullable(tombstones.get(id));
    }

    public synchronized List<CleanupTask.Kind> recordedCleanup() {
        return List.copyOf(recorded);
    }
}
