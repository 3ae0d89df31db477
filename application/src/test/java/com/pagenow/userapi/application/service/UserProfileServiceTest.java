package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryBlockRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListCommand;
import com.pagenow.userapi.application.port.in.user.UpdateProfileCommand;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.DefaultDomainLists;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.SharingSettings;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserProfileServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-02T12:34:56.987654321Z");
    private static final Caller ALICE = caller("alice", "alice@example.com");
    private static final Caller VIEWER = caller("viewer", "viewer@example.com");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryBlockRepository blocks = new InMemoryBlockRepository(users);
    private final UserProfileService service = new UserProfileService(
            users, blocks, blocks, new DirectTransactionRunner(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Nested
    class Register {

        @Test
        void createsTheCallersProfileFromTheTokenWithPrivateDefaults() {
            User user = service.register(RegisterUserCommand.of(ALICE, "  Alice ", "Kim", "1990-05-17", "female"));

            assertThat(user.id()).isEqualTo(UserId.of("alice"));
            assertThat(user.email()).isEqualTo(Email.of("alice@example.com"));
            assertThat(user.firstName().value()).isEqualTo("Alice");
            assertThat(user.lastName().value()).isEqualTo("Kim");
            assertThat(user.details().dob()).isEqualTo(LocalDate.of(1990, 5, 17));
            assertThat(user.details().gender().value()).isEqualTo("female");
            assertThat(user.visibility()).isEqualTo(Visibility.ALL_PRIVATE);
            assertThat(user.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_NONE);
            assertThat(user.sharing().allowList()).isEqualTo(DefaultDomainLists.ALLOW);
            assertThat(user.sharing().denyList()).isEqualTo(DefaultDomainLists.DENY);
            assertThat(user.createdAt()).isEqualTo(Instant.parse("2024-05-02T12:34:56.987654Z"));
            assertThat(users.findById(UserId.of("alice"))).contains(user);
        }

        @Test
        void aTokenWithoutAVerifiedEmailCannotRegisterAndStoresNothing() {
            Caller accessTokenCaller = new Caller(UserId.of("alice"), null);

            assertThatThrownBy(() ->
                            service.register(RegisterUserCommand.of(accessTokenCaller, "Alice", "Kim", null, null)))
                    .isInstanceOf(com.pagenow.userapi.domain.error.ForbiddenException.class)
                    .hasMessageContaining("verified e-mail address");
            assertThat(users.all()).isEmpty();
        }

        @Test
        void registeringTwiceIsAConflictAndKeepsTheFirstProfile() {
            User first = service.register(RegisterUserCommand.of(ALICE, "Alice", "Kim", null, null));

            assertThatThrownBy(() -> service.register(RegisterUserCommand.of(ALICE, "Other", "Name", null, null)))
                    .isInstanceOf(ConflictException.class);
            assertThat(users.all()).containsExactly(first);
        }

        @Test
        void aOneDigitDayOfBirthIsStoredAsTheFullDate() {
            User user = service.register(RegisterUserCommand.of(ALICE, "Alice", "Kim", "1990-5-3", null));

            assertThat(user.details().dob()).isEqualTo(LocalDate.of(1990, 5, 3));
        }

        @Test
        void anImpossibleDateOfBirthIsInvalidForDob() {
            assertThatThrownBy(() -> RegisterUserCommand.of(ALICE, "Alice", "Kim", "1990-02-30", null))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("dob"));
            assertThat(users.all()).isEmpty();
        }

        @Test
        void aBlankNameIsInvalidForItsField() {
            assertThatThrownBy(() -> RegisterUserCommand.of(ALICE, " ", "Kim", null, null))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("first_name"));
            assertThatThrownBy(() -> RegisterUserCommand.of(ALICE, "Alice", "x".repeat(51), null, null))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("last_name"));
        }
    }

    @Nested
    class OwnProfile {

        @Test
        void isNotFoundBeforeRegistering() {
            assertThatThrownBy(() -> service.getOwnProfile(ALICE))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("User not found");
        }

        @Test
        void isTheRegisteredProfile() {
            User registered = service.register(RegisterUserCommand.of(ALICE, "Alice", "Kim", null, null));

            assertThat(service.getOwnProfile(ALICE)).isEqualTo(registered);
        }
    }

    @Nested
    class UpdateOwnProfile {

        @Test
        void replacesEveryEditableFieldAndResyncsTheEmailFromTheToken() {
            User before =
                    aUser("alice").withAllDetails().withProfileImage(NOW, "png").build();
            users.insert(before);
            Caller withNewEmail = caller("alice", "alice@new.example.org");

            User updated = service.updateOwnProfile(update(withNewEmail)
                    .firstName("Alicia")
                    .lastName("Park")
                    .description("new text")
                    .shareMode("default_all")
                    .allow(List.of("GitHub.com", "github.com", "wikipedia.org"))
                    .deny(List.of())
                    .gender("")
                    .school("SNU")
                    .work("")
                    .location("Busan")
                    .emailPublic(true)
                    .schoolPublic(true)
                    .dob(null)
                    .build());

            assertThat(updated.email()).isEqualTo(Email.of("alice@new.example.org"));
            assertThat(updated.firstName().value()).isEqualTo("Alicia");
            assertThat(updated.lastName().value()).isEqualTo("Park");
            assertThat(updated.details().description().value()).isEqualTo("new text");
            assertThat(updated.details().dob()).isNull();
            assertThat(updated.details().gender().value()).isEmpty();
            assertThat(updated.details().school().value()).isEqualTo("SNU");
            assertThat(updated.details().location().value()).isEqualTo("Busan");
            assertThat(updated.visibility()).isEqualTo(new Visibility(true, false, false, true, false, false));
            assertThat(updated.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_ALL);
            assertThat(updated.sharing().allowList().values()).containsExactly("github.com", "wikipedia.org");
            assertThat(updated.sharing().denyList().values()).isEmpty();
            assertThat(updated.createdAt()).isEqualTo(before.createdAt());
            assertThat(updated.profileImage()).isEqualTo(before.profileImage());
            assertThat(users.findById(before.id())).contains(updated);
        }

        @Test
        void aTokenWithoutEmailKeepsTheStoredEmail() {
            User before = aUser("alice").build();
            users.insert(before);

            User updated = service.updateOwnProfile(
                    update(new Caller(UserId.of("alice"), null)).build());

            assertThat(updated.email()).isEqualTo(before.email());
        }

        @Test
        void isNotFoundWithoutAProfile() {
            assertThatThrownBy(() -> service.updateOwnProfile(update(ALICE).build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(users.all()).isEmpty();
        }

        @Test
        void anUnknownShareModeIsInvalidAndChangesNothing() {
            User before = aUser("alice").build();
            users.insert(before);

            assertThatThrownBy(() -> service.updateOwnProfile(
                            update(ALICE).shareMode("default_some").build()))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("shareMode"));
            assertThat(users.all()).containsExactly(before);
        }

        @Test
        void blankDomainsAreDroppedAndAOneDigitMonthIsRead() {
            users.insert(aUser("alice").build());

            User updated = service.updateOwnProfile(update(ALICE)
                    .allow(List.of("", "github.com", " "))
                    .deny(List.of(""))
                    .dob("2001-1-9")
                    .build());

            assertThat(updated.sharing().allowList().values()).containsExactly("github.com");
            assertThat(updated.sharing().denyList().values()).isEmpty();
            assertThat(updated.details().dob()).isEqualTo(LocalDate.of(2001, 1, 9));
        }

        @Test
        void anImpossibleDateOfBirthIsInvalidForDob() {
            assertThatThrownBy(() -> update(ALICE).dob("2001-13-01").build())
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("dob"));
        }

        @Test
        void aBadDomainIsInvalidForItsList() {
            assertThatThrownBy(() -> update(ALICE)
                            .deny(List.of("https://example.com/path"))
                            .build())
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("domain_deny_array"));
        }

        @Test
        void aTooLongDetailIsInvalidForItsField() {
            assertThatThrownBy(() -> update(ALICE).school("s".repeat(101)).build())
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("school"));
        }
    }

    @Nested
    class ReplaceDomainList {

        @Test
        void normalisesAndDedupesKeepingFirstPositionsAndLeavesTheOtherListAlone() {
            User before = aUser("alice").build();
            users.insert(before);

            User updated = service.replaceDomainList(ReplaceDomainListCommand.of(
                    ALICE, "deny", List.of(" Example.COM ", "news.YCombinator.com", "example.com", "a.b.co.kr")));

            assertThat(updated.sharing().denyList().values())
                    .containsExactly("example.com", "news.ycombinator.com", "a.b.co.kr");
            assertThat(updated.sharing().allowList()).isEqualTo(before.sharing().allowList());
            assertThat(users.findById(before.id())).contains(updated);
        }

        @Test
        void replacesTheAllowList() {
            users.insert(aUser("alice").build());

            User updated = service.replaceDomainList(ReplaceDomainListCommand.of(ALICE, "allow", List.of()));

            assertThat(updated.sharing().allowList().values()).isEmpty();
            assertThat(updated.sharing().denyList()).isEqualTo(SharingSettings.DEFAULTS.denyList());
        }

        @Test
        void anUnknownShareTypeIsInvalid() {
            assertThatThrownBy(() -> ReplaceDomainListCommand.of(ALICE, "maybe", List.of()))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("share_type"));
        }

        @Test
        void aHostWithAPortIsInvalid() {
            assertThatThrownBy(() -> ReplaceDomainListCommand.of(ALICE, "allow", List.of("example.com:8080")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void isNotFoundWithoutAProfile() {
            assertThatThrownBy(() -> service.replaceDomainList(
                            ReplaceDomainListCommand.of(ALICE, "allow", List.of("example.com"))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class PublicProfiles {

        @Test
        void masksEveryFieldItsOwnerKeepsPrivate() {
            users.insert(aUser("bob")
                    .withAllDetails()
                    .withVisibility(new Visibility(false, true, false, false, true, false))
                    .build());

            PublicProfile profile = service.getPublicProfile(VIEWER, UserId.of("bob"));

            assertThat(profile.firstName().value()).isEqualTo("Bob");
            assertThat(profile.description().value()).isEqualTo("Reads a lot");
            assertThat(profile.email()).isNull();
            assertThat(profile.dob()).isEqualTo(LocalDate.of(1990, 5, 17));
            assertThat(profile.gender()).isNull();
            assertThat(profile.school()).isNull();
            assertThat(profile.work().value()).isEqualTo("PageNow");
            assertThat(profile.location()).isNull();
        }

        @Test
        void showsTheEmailOnlyWhenPublic() {
            users.insert(aUser("bob")
                    .withVisibility(new Visibility(true, false, false, false, false, false))
                    .build());

            assertThat(service.getPublicProfile(VIEWER, UserId.of("bob")).email())
                    .isEqualTo(Email.of("bob@example.com"));
        }

        @Test
        void anUnknownUserIsNotFound() {
            assertThatThrownBy(() -> service.getPublicProfile(VIEWER, UserId.of("nobody")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("User not found");
        }

        @Test
        void manyProfilesKeepRequestOrderAndSkipUnknownIds() {
            users.insert(aUser("alice").build());
            users.insert(aUser("bob").build());
            users.insert(aUser("carol").build());

            List<PublicProfile> profiles =
                    service.getPublicProfiles(VIEWER, ids("carol", "nobody", "alice", "bob", "alice"));

            assertThat(profiles).extracting(p -> p.id().value()).containsExactly("carol", "alice", "bob");
        }

        @Test
        void manyProfilesAreMaskedToo() {
            users.insert(aUser("bob").withAllDetails().build());

            assertThat(service.getPublicProfiles(VIEWER, ids("bob")))
                    .singleElement()
                    .satisfies(p -> assertThat(p.school()).isNull());
        }

        @Test
        void atMostOneHundredIdsPerRequest() {
            List<UserId> hundred =
                    IntStream.range(0, 100).mapToObj(i -> UserId.of("user" + i)).toList();
            List<UserId> tooMany = new ArrayList<>(hundred);
            tooMany.add(UserId.of("one-more"));

            assertThat(service.getPublicProfiles(VIEWER, hundred)).isEmpty();
            assertThatThrownBy(() -> service.getPublicProfiles(VIEWER, tooMany))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("user_ids"));
        }

        private List<UserId> ids(String... values) {
            return java.util.Arrays.stream(values).map(UserId::of).toList();
        }
    }

    private static Caller caller(String id, String email) {
        return new Caller(UserId.of(id), Email.of(email));
    }

    private static UpdateBuilder update(Caller caller) {
        return new UpdateBuilder(caller);
    }

    /** A complete, valid update; each test changes what it is about. */
    private static final class UpdateBuilder {
        private final Caller caller;
        private String firstName = "Alice";
        private String lastName = "Kim";
        private String description = "";
        private String shareMode = "default_none";
        private List<String> allow = List.of("wikipedia.org");
        private List<String> deny = List.of("facebook.com");
        private String gender = "";
        private String school = "";
        private String work = "";
        private String location = "";
        private boolean emailPublic;
        private boolean schoolPublic;
        private String dob = "1990-05-17";

        UpdateBuilder(Caller caller) {
            this.caller = caller;
        }

        UpdateBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        UpdateBuilder lastName(String value) {
            lastName = value;
            return this;
        }

        UpdateBuilder description(String value) {
            description = value;
            return this;
        }

        UpdateBuilder shareMode(String value) {
            shareMode = value;
            return this;
        }

        UpdateBuilder allow(List<String> value) {
            allow = value;
            return this;
        }

        UpdateBuilder deny(List<String> value) {
            deny = value;
            return this;
        }

        UpdateBuilder gender(String value) {
            gender = value;
            return this;
        }

        UpdateBuilder school(String value) {
            school = value;
            return this;
        }

        UpdateBuilder work(String value) {
            work = value;
            return this;
        }

        UpdateBuilder location(String value) {
            location = value;
            return this;
        }

        UpdateBuilder emailPublic(boolean value) {
            emailPublic = value;
            return this;
        }

        UpdateBuilder schoolPublic(boolean value) {
            schoolPublic = value;
            return this;
        }

        UpdateBuilder dob(String value) {
            dob = value;
            return this;
        }

        UpdateProfileCommand build() {
            return UpdateProfileCommand.of(
                    caller,
                    new UpdateProfileCommand.Sent(
                            firstName,
                            lastName,
                            description,
                            shareMode,
                            allow,
                            deny,
                            gender,
                            school,
                            work,
                            location,
                            emailPublic,
                            false,
                            schoolPublic,
                            false,
                            false,
                            dob,
                            null));
        }
    }
}
