package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.GetOwnProfileUseCase;
import com.pagenow.userapi.application.port.in.user.GetPublicProfileUseCase;
import com.pagenow.userapi.application.port.in.user.GetPublicProfilesUseCase;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.in.user.RegisterUserUseCase;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListCommand;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListUseCase;
import com.pagenow.userapi.application.port.in.user.UpdateOwnProfileUseCase;
import com.pagenow.userapi.application.port.in.user.UpdateProfileCommand;
import com.pagenow.userapi.application.port.out.AccountDeletionRepository;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.application.readmodel.ProfileWithBlocks;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The profile use cases: register, read and edit one's own profile, read others' public profiles. */
public final class UserProfileService
        implements RegisterUserUseCase,
                GetOwnProfileUseCase,
                UpdateOwnProfileUseCase,
                ReplaceDomainListUseCase,
                GetPublicProfileUseCase,
                GetPublicProfilesUseCase {

    private final UserRepository users;
    private final PublicProfiles publicProfiles;
    private final BlockerHiding hiding;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AccountDeletionRepository deletions;

    /**
     * An edit reads and writes the profile in one transaction: one connection, one wait for it.
     *
     * @param users the profiles
     * @param publicProfiles the profiles as others see them, with the blocks between
     * @param blocks the blocks, which hide profiles
     * @param transactions runs each edit in one transaction
     * @param clock the time of registration
     */
    public UserProfileService(
            UserRepository users,
            PublicProfiles publicProfiles,
            BlockRepository blocks,
            TransactionRunner transactions,
            Clock clock) {
        this(users, publicProfiles, blocks, transactions, clock, null);
    }

    /**
     * As above; registering also refuses a token issued before the user name's account was deleted
     * ({@code deletions}' tombstones; null: no accounts are ever deleted).
     *
     * @param users the profiles
     * @param publicProfiles the profiles as others see them, with the blocks between
     * @param blocks the blocks, which hide profiles
     * @param transactions runs each edit in one transaction
     * @param clock the time of registration
     * @param deletions the tombstones of deleted accounts, or null
     */
    public UserProfileService(
            UserRepository users,
            PublicProfiles publicProfiles,
            BlockRepository blocks,
            TransactionRunner transactions,
            Clock clock,
            AccountDeletionRepository deletions) {
        this.users = Objects.requireNonNull(users);
        this.publicProfiles = Objects.requireNonNull(publicProfiles);
        this.hiding = new BlockerHiding(blocks);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
        this.deletions = deletions;
    }

    @Override
    public User register(RegisterUserCommand command) {
        Caller caller = command.caller();
        refuseTokenOfDeletedAccount(caller);
        // The repository refuses a second profile (or a taken e-mail) atomically: no check-then-insert race.
        User user = User.register(
                caller.userId(),
                caller.requireEmail(),
                command.firstName(),
                command.lastName(),
                command.details(),
                Timestamps.now(clock));
        users.insert(user);
        return user;
    }

    /**
     * A copy of a token issued before the account was deleted must not bring it back; only registering looks at
     * tombstones (every other call of such a token answers as for a user without a profile).
     */
    private void refuseTokenOfDeletedAccount(Caller caller) {
        if (deletions == null) {
            return;
        }
        deletions
                .tombstone(caller.userId())
                .filter(gone -> !gone.admitsTokenIssuedAt(caller.issuedAt()))
                .ifPresent(gone -> {
                    throw new TokenRejectedException("Token was issued before this account was deleted: sign in again");
                });
    }

    @Override
    public User getOwnProfile(Caller caller) {
        return load(caller.userId());
    }

    @Override
    public User updateOwnProfile(UpdateProfileCommand command) {
        Caller caller = command.caller();
        return transactions.inTransaction(() -> {
            User current = load(caller.userId());
            Email email = caller.email() == null ? current.email() : caller.email();
            User updated = current.withProfile(
                    email,
                    command.firstName(),
                    command.lastName(),
                    command.details(),
                    command.visibility(),
                    command.sharing());
            users.update(updated);
            return updated;
        });
    }

    @Override
    public User replaceDomainList(ReplaceDomainListCommand command) {
        return transactions.inTransaction(() -> {
            User updated = load(command.caller().userId()).withDomainList(command.kind(), command.list());
            users.update(updated);
            return updated;
        });
    }

    @Override
    public PublicProfile getPublicProfile(Caller viewer, UserId userId) {
        if (viewer.userId().equals(userId)) {
            return load(userId).publicView();
        }
        // One read for the profile and the blocks; someone who blocks the viewer is then as unknown.
        ProfileWithBlocks seen =
                publicProfiles.profileWithBlocks(viewer.userId(), userId).orElseThrow(User::notFound);
        seen.blocks().checkOtherKnown();
        return seen.profile();
    }

    @Override
    public List<PublicProfile> getPublicProfiles(Caller viewer, List<UserId> userIds) {
        IdCount.check("user_ids", userIds.size());
        List<UserId> distinct = List.copyOf(new LinkedHashSet<>(userIds));
        Map<UserId, User> found =
                users.findAllByIds(distinct).stream().collect(Collectors.toMap(User::id, Function.identity()));
        return hiding
                .visible(
                        viewer.userId(),
                        distinct.stream().filter(found::containsKey).toList())
                .stream()
                .map(found::get)
                .map(User::publicView)
                .toList();
    }

    private User load(UserId id) {
        return users.findById(id).orElseThrow(User::notFound);
    }
}
