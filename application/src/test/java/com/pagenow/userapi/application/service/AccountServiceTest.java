package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryAccountDeletionRepository;
import com.pagenow.userapi.application.fake.InMemoryBlockRepository;
import com.pagenow.userapi.application.fake.InMemoryProfileImageStorage;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.account.RecentSignInRequiredException;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.out.AccountExportRepository;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryAccountDeletionRepository deletions = new InMemoryAccountDeletionRepository(users);
    private final List<UserId> told = new ArrayList<>();
    private final AccountExportRepository noLists = (AccountExportRepository) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {AccountExportRepository.class}, (proxy, method, args) -> null);

    private AccountService service(boolean deleteSignIns) {
        return new AccountService(
                users,
                noLists,
                deletions,
                new InMemoryProfileImageStorage(),
                new DirectTransactionRunner(),
                CLOCK,
                new AccountService.Settings(Duration.ofSeconds(900), deleteSignIns),
                told::add);
    }

    private static Caller signedIn(String id, Instant authTime, Instant issuedAt) {
        return new Caller(UserId.of(id), Email.of(id + "@example.com"), issuedAt, authTime);
    }

    @Test
    void aSignInOlderThanTheMaximumAgeDeletesNothing() {
        users.insert(aUser("ann").build());

        assertThatThrownBy(() -> service(false).deleteAccount(signedIn("ann", NOW.minusSeconds(901), NOW)))
                .isInstanceOf(RecentSignInRequiredException.class)
                .extracting(e -> ((RecentSignInRequiredException) e).maxAge())
                .isEqualTo(Duration.ofSeconds(900));
        assertThat(users.exists(UserId.of("ann"))).isTrue();
        assertThat(told).isEmpty();
    }

    @Test
    void aDeletionRecordsTheImageCleanupAndTheSignInAccountOnlyWhenConfigured() {
        users.insert(aUser("bob").build());
        users.insert(aUser("cid").build());

        service(false).deleteAccount(signedIn("bob", NOW.minusSeconds(60), NOW));
        service(true).deleteAccount(signedIn("cid", NOW.minusSeconds(60), NOW));

        assertThat(deletions.recordedCleanup())
                .containsExactly(
                        CleanupTask.Kind.PROFILE_IMAGE,
                        CleanupTask.Kind.PROFILE_IMAGE,
                        CleanupTask.Kind.SIGN_IN_ACCOUNT);
        assertThat(told).containsExactly(UserId.of("bob"), UserId.of("cid"));
        assertThat(deletions.tombstone(UserId.of("bob")))
                .get()
                .extracting(gone -> gone.deletedAt())
                .isEqualTo(NOW);
    }

    @Test
    void deletingWithoutAProfileIsNotFound() {
        assertThatThrownBy(() -> service(false).deleteAccount(signedIn("dan", NOW, NOW)))
                .isInstanceOf(NotFoundException.class);
        assertThat(told).isEmpty();
    }

    @Test
    void onlyATokenIssuedAfterTheDeletionRegistersAgain() {
        users.insert(aUser("eve").build());
        service(false).deleteAccount(signedIn("eve", NOW, NOW.minusSeconds(30)));
        InMemoryBlockRepository blocks = new InMemoryBlockRepository(users);
        UserProfileService profiles =
                new UserProfileService(users, blocks, blocks, new DirectTransactionRunner(), CLOCK, deletions);

        assertThatThrownBy(() -> profiles.register(
                        RegisterUserCommand.of(signedIn("eve", NOW, NOW.minusSeconds(30)), "Eve", "Old", null, null)))
                .isInstanceOf(TokenRejectedException.class);
        assertThat(profiles.register(RegisterUserCommand.of(
                                signedIn("eve", NOW, NOW.plusSeconds(1)), "Eve", "New", null, null))
                        .lastName()
                        .value())
                .isEqualTo("New");
    }
}
