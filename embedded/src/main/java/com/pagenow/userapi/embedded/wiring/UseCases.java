package com.pagenow.userapi.embedded.wiring;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.application.port.out.SignInAccounts;
import com.pagenow.userapi.application.service.AccountCleanupService;
import com.pagenow.userapi.application.service.AccountService;
import com.pagenow.userapi.application.service.BlockService;
import com.pagenow.userapi.application.service.DomainShareWarningService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.LiveEventService;
import com.pagenow.userapi.application.service.ProfileImageService;
import com.pagenow.userapi.application.service.ShareNotificationQueryService;
import com.pagenow.userapi.application.service.ShareNotificationService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.application.service.UserSearchService;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one wiring of the use cases over the persistence adapter, shared by the service ({@code bootstrap}) and the
 * embedded library ({@code UserApiLibrary}), so both run the same services over the same repositories,
 * transactions and live-event outbox. Not part of the published API (no module exports this package): the service
 * needs the service classes, embedders get the {@code port.in} interfaces only.
 */
public record UseCases(
        Persistence persistence,
        Clock clock,
        UserProfileService profiles,
        FriendshipService friendships,
        FriendshipQueryService friendshipQueries,
        BlockService blocks,
        ShareNotificationService shares,
        ShareNotificationQueryService shareQueries,
        UserSearchService search,
        DomainShareWarningService domainShareWarnings) {

    /** Every use case that needs only the database, over {@code persistence}, telling time by {@code clock}. */
    public static UseCases wire(Persistence persistence, Clock clock) {
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(clock, "clock");
        return new UseCases(
                persistence,
                clock,
                new UserProfileService(
                        persistence.users(),
                        persistence.publicProfiles(),
                        persistence.blocks(),
                        persistence.transactions(),
                        clock,
                        persistence.accountDeletions()),
                new FriendshipService(
                        persistence.users(),
                        persistence.friendships(),
                        persistence.blocks(),
                        persistence.transactions(),
                        clock,
                        persistence.liveEventOutbox()),
                new FriendshipQueryService(persistence.friendships(), persistence.friendGraph(), persistence.blocks()),
                new BlockService(
                        persistence.users(),
                        persistence.friendships(),
                        persistence.blocks(),
                        persistence.transactions(),
                        clock),
                new ShareNotificationService(
                        persistence.users(),
                        persistence.friendships(),
                        persistence.shareNotifications(),
                        persistence.idempotencyKeys(),
                        persistence.transactions(),
                        clock,
                        persistence.liveEventOutbox()),
                new ShareNotificationQueryService(persistence.shareNotifications()),
                new UserSearchService(persistence.userSearch()),
                new DomainShareWarningService());
    }

    /** The profile-image use cases, over an image store (the service's S3 or local store; the library has none). */
    public ProfileImageService profileImages(ProfileImageStorage storage) {
        return new ProfileImageService(persistence.users(), persistence.blocks(), storage, clock);
    }

    /**
     * Export and deletion of the caller's account over an image store; {@code afterDeletion} runs after each
     * committed deletion (the service ends the user's streams and wakes the cleanup).
     */
    public AccountService accounts(
            ProfileImageStorage storage, AccountService.Settings settings, Consumer<UserId> afterDeletion) {
        return new AccountService(
                persistence.users(),
                persistence.accountExports(),
                persistence.accountDeletions(),
                storage,
                persistence.transactions(),
                clock,
                settings,
                afterDeletion);
    }

    /** The cleanup work of deleted accounts (image object, sign-in account), not started. */
    public AccountCleanupService accountCleanup(
            ProfileImageStorage storage, SignInAccounts signIns, Duration pollInterval) {
        return new AccountCleanupService(persistence.accountCleanup(), storage, signIns, clock, pollInterval);
    }

    /** The live-event streams, started (they listen for signals); the caller closes them. */
    public LiveEventService liveEvents(LiveEventService.Settings settings) {
        return new LiveEventService(persistence.liveEventFeed(), persistence.liveEventSignals(), clock, settings)
                .start();
    }
}
