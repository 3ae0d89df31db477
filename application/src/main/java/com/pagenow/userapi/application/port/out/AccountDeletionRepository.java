package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.DeletedAccount;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/** Removes accounts and keeps their tombstones. Call {@link #delete} inside a transaction. */
public interface AccountDeletionRepository {

    /**
     * Removes every row of every table that names the user, writes the tombstone and the cleanup work outside the
     * database, and tells the other services at commit ({@code NOTIFY user_deleted}). Rows that other writers
     * are adding at the same moment are either removed too or refused to those writers.
     *
     * @param account the tombstone to write
     * @param cleanup the kinds of work left to do outside the database
     * @return false when the user has no profile (then nothing is written)
     */
    boolean delete(DeletedAccount account, List<CleanupTask.Kind> cleanup);

    /**
     * The tombstone of {@code id}, if that user name was deleted (only registering asks: not a hot path).
     *
     * @param id the user id
     * @return the tombstone, or empty when that user was never deleted
     */
    Optional<DeletedAccount> tombstone(UserId id);
}
