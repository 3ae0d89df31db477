package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.account.DeleteAccountUseCase;
import com.pagenow.userapi.application.port.in.account.ExportAccountUseCase;
import com.pagenow.userapi.application.port.in.account.RecentSignInRequiredException;
import com.pagenow.userapi.application.port.out.AccountDeletionRepository;
import com.pagenow.userapi.application.port.out.AccountExportRepository;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.AccountExport;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.DeletedAccount;
import com.pagenow.userapi.domain.user.ProfileImageKey;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Leaving: the export of everything held about the caller, and the deletion of their account in one transaction,
 * with the work outside the database (image object, sign-in account) recorded in that transaction and done after
 * it by {@link AccountCleanupService}.
 */
public final class AccountService implements ExportAccountUseCase, DeleteAccountUseCase {

    private final UserRepository users;
    private final AccountExportRepository exports;
    private final AccountDeletionRepository deletions;
    private final ProfileImageStorage images;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<UserId> afterDeletion;

    /**
     * A service on these ports.
     *
     * @param users the profiles
     * @param exports where the export's lists are read from
     * @param deletions removes accounts and keeps their tombstones
     * @param images signs the export's image URL
     * @param transactions runs a deletion in one transaction
     * @param clock the time of exports and deletions
     * @param settings the sign-in age a deletion needs and whether it deletes the sign-in account
     * @param afterDeletion told of each committed deletion on this instance (ends the user's streams here and
     *                      wakes the cleanup; other instances learn of it from the database)
     */
    public AccountService(
            UserRepository users,
            AccountExportRepository exports,
            AccountDeletionRepository deletions,
            ProfileImageStorage images,
            TransactionRunner transactions,
            Clock clock,
            Settings settings,
            Consumer<UserId> afterDeletion) {
        this.users = Objects.requireNonNull(users);
        this.exports = Objects.requireNonNull(exports);
        this.deletions = Objects.requireNonNull(deletions);
        this.images = Objects.requireNonNull(images);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.afterDeletion = Objects.requireNonNull(afterDeletion);
    }

    /**
     * @param maxSignInAge     how recent a sign-in a deletion needs ({@code ACCOUNT_DELETION_MAX_AGE})
     * @param deleteSignInAccounts whether a deletion also deletes the sign-in account ({@code COGNITO_DELETE_USERS})
     */
    public record Settings(Duration maxSignInAge, boolean deleteSignInAccounts) {

        /** What a service uses when not configured: the domain's default sign-in age, sign-in accounts kept. */
        public static final Settings DEFAULTS = new Settings(DeletedAccount.DEFAULT_MAX_SIGN_IN_AGE, false);

        /**
         * Checks that {@code maxSignInAge} is given and not negative.
         *
         * @param maxSignInAge how recent a sign-in a deletion needs
         * @param deleteSignInAccounts whether a deletion also deletes the sign-in account
         */
        public Settings {
            Objects.requireNonNull(maxSignInAge, "maxSignInAge");
            if (maxSignInAge.isNegative()) {
                throw new IllegalArgumentException("maxSignInAge must not be negative");
            }
        }
    }

    @Override
    public AccountExport exportAccount(Caller caller) {
        User profile = users.findById(caller.userId()).orElseThrow(User::notFound);
        AccountExport.Image image = profile.profileImage()
                .keyFor(profile.id())
                .map(key -> image(profile, key))
                .orElse(null);
        return new AccountExport(Timestamps.now(clock), profile, image, exports);
    }

    private AccountExport.Image image(User profile, ProfileImageKey key) {
        return new AccountExport.Image(
                key.extension().value(),
                profile.profileImage().uploadedAt(),
                images.downloadUrl(key, ProfileImageService.URL_LIFETIME));
    }

    @Override
    public void deleteAccount(Caller caller) {
        Instant now = Timestamps.now(clock);
        if (!DeletedAccount.signInRecentEnough(caller.authTime(), now, settings.maxSignInAge())) {
            throw new RecentSignInRequiredException(settings.maxSignInAge());
        }
        List<CleanupTask.Kind> cleanup = settings.deleteSignInAccounts()
                ? List.of(CleanupTask.Kind.PROFILE_IMAGE, CleanupTask.Kind.SIGN_IN_ACCOUNT)
                : List.of(CleanupTask.Kind.PROFILE_IMAGE);
        DeletedAccount account = new DeletedAccount(caller.userId(), now);
        if (!transactions.inTransaction(() -> deletions.delete(account, cleanup))) {
            throw User.notFound();
        }
        afterDeletion.accept(caller.userId());
    }
}
