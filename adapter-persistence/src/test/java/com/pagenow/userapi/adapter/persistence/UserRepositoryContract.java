package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.DomainList;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.SharingSettings;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.registered;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link UserRepository} (with its {@link TransactionRunner}) must do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserRepositoryContract {

    protected abstract UserRepository users();

    protected abstract TransactionRunner transactions();

    @Test
    void insertedProfileIsReadBackFieldForField() {
        User stored = user(newId("full"));

        users().insert(stored);

        assertThat(users().findById(stored.id())).contains(stored);
    }

    @Test
    void registeredProfileKeepsDefaultListsAndEmptyFields() {
        User stored = registered(newId("fresh"), Instant.parse("2024-05-06T07:08:09.123456Z"));

        users().insert(stored);

        User read = users().findById(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.details().dob()).isNull();
        assertThat(read.sharing()).isEqualTo(SharingSettings.DEFAULTS);
    }

    @Test
    void emptyDomainListsStayEmpty() {
        User stored = user(newId("empty-lists"))
                .withDomainList(SharingSettings.ListKind.ALLOW, DomainList.EMPTY)
                .withDomainList(SharingSettings.ListKind.DENY, DomainList.EMPTY);

        users().insert(stored);

        User read = users().findById(stored.id()).orElseThrow();
        assertThat(read.sharing().allowList().values()).isEmpty();
        assertThat(read.sharing().denyList().values()).isEmpty();
    }

    @Test
    void unknownIdIsNotFound() {
        assertThat(users().findById(newId("nobody"))).isEmpty();
        assertThat(users().exists(newId("nobody"))).isFalse();
    }

    @Test
    void existsOnlyForStoredProfiles() {
        User stored = user(newId("exists"));
        users().insert(stored);

        assertThat(users().exists(stored.id())).isTrue();
        assertThat(users().exists(UserId.of(stored.id().value() + "x"))).isFalse();
    }

    @Test
    void secondProfileWithTheSameIdIsAConflict() {
        User first = user(newId("twice"));
        users().insert(first);
        User second = registered(first.id(), Instant.parse("2024-01-01T00:00:00Z"));

        assertThatThrownBy(() -> users().insert(second))
                .isInstanceOf(ConflictException.class)
                .hasMessage("User already exists");
        assertThat(users().findById(first.id())).contains(first);
    }

    @Test
    void profileWithAnEmailAlreadyInUseIsAConflict() {
        User owner = user(newId("owner"));
        users().insert(owner);
        User other = withEmail(user(newId("other")), owner.email());

        assertThatThrownBy(() -> users().insert(other))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Email already in use");
        assertThat(users().exists(other.id())).isFalse();
    }

    @Test
    void updateReplacesEveryEditableField() {
        User stored = user(newId("edit"));
        users().insert(stored);
        User edited = stored.withProfile(
                Email.of("new-" + stored.id().value() + "@example.net"),
                PersonName.of("Zoë"),
                PersonName.of("Ng"),
                new ProfileDetails(
                        ProfileText.description(""),
                        LocalDate.of(2001, 12, 31),
                        ProfileText.EMPTY,
                        ProfileText.detail("school", "KAIST"),
                        ProfileText.EMPTY,
                        ProfileText.detail("location", "Busan")),
                new Visibility(false, true, false, true, false, true),
                new SharingSettings(
                        ShareMode.DEFAULT_NONE,
                        DomainList.parse(List.of("github.com")),
                        DomainList.parse(List.of("google.com", "amazon.com"))));

        users().update(edited);

        assertThat(users().findById(stored.id())).contains(edited);
    }

    @Test
    void updateKeepsCreationTime() {
        User stored = user(newId("created"));
        users().insert(stored);
        User changed = new User(
                stored.id(),
                stored.email(),
                stored.firstName(),
                stored.lastName(),
                stored.details(),
                stored.visibility(),
                stored.sharing(),
                stored.profileImage(),
                Instant.parse("2030-01-01T00:00:00Z"));

        users().update(changed);

        assertThat(users().findById(stored.id()).orElseThrow().createdAt()).isEqualTo(stored.createdAt());
    }

    @Test
    void updateNeverWritesTheImageFieldsSoAConcurrentUploadSurvives() {
        User stored = user(newId("image-race"));
        users().insert(stored);
        ProfileImage uploadedMeanwhile = new ProfileImage(Instant.parse("2024-03-04T05:06:07.123456Z"), "webp");
        assertThat(users().recordProfileImage(stored.id(), uploadedMeanwhile)).isTrue();

        // The edit was read before the upload: it still carries the old image fields.
        users().update(stored.withProfile(
                stored.email(),
                PersonName.of("Later"),
                stored.lastName(),
                stored.details(),
                stored.visibility(),
                stored.sharing()));

        User read = users().findById(stored.id()).orElseThrow();
        assertThat(read.firstName().value()).isEqualTo("Later");
        assertThat(read.profileImage()).isEqualTo(uploadedMeanwhile);
    }

    @Test
    void recordingAnImageWritesOnlyTheImageFields() {
        User stored = user(newId("image-record"));
        users().insert(stored);
        ProfileImage image = new ProfileImage(Instant.parse("2025-01-02T03:04:05.000006Z"), "gif");

        assertThat(users().recordProfileImage(stored.id(), image)).isTrue();
        assertThat(users().recordProfileImage(newId("image-nobody"), image)).isFalse();

        assertThat(users().findById(stored.id()))
                .contains(new User(
                        stored.id(),
                        stored.email(),
                        stored.firstName(),
                        stored.lastName(),
                        stored.details(),
                        stored.visibility(),
                        stored.sharing(),
                        image,
                        stored.createdAt()));
    }

    @Test
    void clearingTheImageKeepsAnUploadRecordedMeanwhile() {
        User stored = user(newId("image-clear"));
        users().insert(stored);

        users().clearProfileImage(stored.id(), "jpg");
        assertThat(users().findById(stored.id()).orElseThrow().profileImage()).isEqualTo(stored.profileImage());

        users().clearProfileImage(stored.id(), stored.profileImage().extension());
        assertThat(users().findById(stored.id()).orElseThrow().profileImage()).isEqualTo(ProfileImage.NONE);
    }

    @Test
    void updatingAMissingProfileIsNotFound() {
        User missing = user(newId("missing"));

        assertThatThrownBy(() -> users().update(missing))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User not found");
        assertThat(users().exists(missing.id())).isFalse();
    }

    @Test
    void takingTheEmailOfAnotherProfileIsAConflict() {
        User owner = user(newId("mail-owner"));
        User other = user(newId("mail-taker"));
        users().insert(owner);
        users().insert(other);

        assertThatThrownBy(() -> users().update(withEmail(other, owner.email())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Email already in use");
        assertThat(users().findById(other.id())).contains(other);
        assertThat(users().findById(owner.id())).contains(owner);
    }

    @Test
    void findAllByIdsAnswersOnlyTheProfilesThatExist() {
        User a = user(newId("many-a"));
        User b = user(newId("many-b"));
        User c = user(newId("many-c"));
        users().insert(a);
        users().insert(b);
        users().insert(c);

        List<User> found = users().findAllByIds(List.of(c.id(), newId("many-missing"), a.id(), a.id()));

        assertThat(found).containsExactlyInAnyOrder(a, c);
        assertThat(users().findAllByIds(List.of())).isEmpty();
    }

    @Test
    void transactionStoresAllOfItsWork() {
        User a = user(newId("tx-a"));
        User b = user(newId("tx-b"));

        String answer = transactions().inTransaction(() -> {
            users().insert(a);
            users().insert(b);
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(users().findAllByIds(List.of(a.id(), b.id()))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void failedTransactionStoresNothingAndRethrowsTheFailure() {
        User a = user(newId("rollback-a"));
        User b = user(newId("rollback-b"));
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    users().insert(a);
                    users().insert(b);
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(users().exists(a.id())).isFalse();
        assertThat(users().exists(b.id())).isFalse();
    }

    @Test
    void nestedTransactionJoinsTheOuterOne() {
        User outer = user(newId("outer"));
        User inner = user(newId("inner"));

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    users().insert(outer);
                    transactions().inTransaction(() -> users().insert(inner));
                    assertThat(users().exists(inner.id())).isTrue();
                    throw new IllegalStateException("outer fails after inner finished");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(users().exists(outer.id())).isFalse();
        assertThat(users().exists(inner.id())).isFalse();
    }

    @Test
    void conflictInsideATransactionUndoesTheTransaction() {
        User taken = user(newId("taken"));
        users().insert(taken);
        User fresh = user(newId("fresh-in-tx"));

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    users().insert(fresh);
                    users().insert(taken);
                }))
                .isInstanceOf(ConflictException.class)
                .hasMessage("User already exists");

        assertThat(users().exists(fresh.id())).isFalse();
        assertThat(users().findById(taken.id())).contains(taken);
    }

    @Test
    void transactionCanGoOnAfterAConflictItCaught() {
        User taken = user(newId("caught"));
        users().insert(taken);
        User fresh = user(newId("after-caught"));

        transactions().inTransaction(() -> {
            try {
                users().insert(taken);
            } catch (ConflictException expected) {
                // the caller decides to carry on
            }
            users().insert(fresh);
        });

        assertThat(users().findById(fresh.id())).contains(fresh);
    }

    private static User withEmail(User user, Email email) {
        return user.withProfile(
                email, user.firstName(), user.lastName(), user.details(), user.visibility(), user.sharing());
    }
}
