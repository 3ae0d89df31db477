package com.pagenow.userapi.domain.user;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    private static final ProfileDetails DETAILS = new ProfileDetails(
            ProfileText.description("about me"),
            LocalDate.of(1990, 1, 2),
            ProfileText.detail("gender", "f"),
            ProfileText.detail("school", "KAIST"),
            ProfileText.detail("work", "Lab"),
            ProfileText.detail("location", "Seoul"));

    private static User alice() {
        return User.register(
                UserId.of("alice"),
                Email.of("alice@example.com"),
                PersonName.of("Alice"),
                PersonName.of("Kim"),
                DETAILS,
                NOW);
    }

    @Test
    void aNewProfileIsPrivateSharesNothingAndStartsFromTheDefaultLists() {
        User user = alice();
        assertThat(user.visibility()).isEqualTo(Visibility.ALL_PRIVATE);
        assertThat(user.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_NONE);
        assertThat(user.sharing().allowList()).isEqualTo(DefaultDomainLists.ALLOW);
        assertThat(user.sharing().denyList()).isEqualTo(DefaultDomainLists.DENY);
        assertThat(user.profileImage()).isEqualTo(ProfileImage.NONE);
    }

    @Test
    void thePublicViewHidesEveryPrivateField() {
        PublicProfile shown = alice().publicView();
        assertThat(shown.firstName().value()).isEqualTo("Alice");
        assertThat(shown.description().value()).isEqualTo("about me");
        assertThat(shown.email()).isNull();
        assertThat(shown.dob()).isNull();
        assertThat(shown.gender()).isNull();
        assertThat(shown.school()).isNull();
        assertThat(shown.work()).isNull();
        assertThat(shown.location()).isNull();
    }

    @Test
    void eachPublicFlagShowsExactlyItsField() {
        User user = alice();
        List<Visibility> onlyOne = List.of(
                new Visibility(true, false, false, false, false, false),
                new Visibility(false, true, false, false, false, false),
                new Visibility(false, false, true, false, false, false),
                new Visibility(false, false, false, true, false, false),
                new Visibility(false, false, false, false, true, false),
                new Visibility(false, false, false, false, false, true));
        for (int flag = 0; flag < onlyOne.size(); flag++) {
            PublicProfile shown = user.withProfile(
                            user.email(), user.firstName(), user.lastName(), DETAILS, onlyOne.get(flag), user.sharing())
                    .publicView();
            Object[] fields = {
                shown.email(), shown.dob(), shown.gender(), shown.school(), shown.work(), shown.location()
            };
            for (int field = 0; field < fields.length; field++) {
                if (field == flag) {
                    assertThat(fields[field])
                            .as("field %d with flag %d", field, flag)
                            .isNotNull();
                } else {
                    assertThat(fields[field])
                            .as("field %d with flag %d", field, flag)
                            .isNull();
                }
            }
        }
    }

    @Test
    void replacingAListKeepsTheOtherAndTheMode() {
        DomainList mine = DomainList.parse(List.of("mine.example"));
        User user = alice().withDomainList(SharingSettings.ListKind.DENY, mine);
        assertThat(user.sharing().denyList()).isEqualTo(mine);
        assertThat(user.sharing().allowList()).isEqualTo(DefaultDomainLists.ALLOW);
        assertThat(user.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_NONE);
    }

    @Test
    void editingKeepsIdentityCreationTimeAndImage() {
        User user = alice();
        User edited = user.withProfile(
                Email.of("new@example.com"),
                PersonName.of("Al"),
                PersonName.of("K"),
                ProfileDetails.EMPTY,
                Visibility.ALL_PRIVATE,
                SharingSettings.DEFAULTS);
        assertThat(edited.id()).isEqualTo(user.id());
        assertThat(edited.createdAt()).isEqualTo(NOW);
        assertThat(edited.profileImage()).isEqualTo(user.profileImage());
        assertThat(edited.email().value()).isEqualTo("new@example.com");
    }

    @Test
    void theProfileFailuresEachHaveOneMessage() {
        assertThat(User.notFound()).hasMessage("User not found");
        assertThat(User.alreadyExists()).hasMessage("User already exists");
        assertThat(User.emailTaken()).hasMessage("Email already in use");
    }
}
