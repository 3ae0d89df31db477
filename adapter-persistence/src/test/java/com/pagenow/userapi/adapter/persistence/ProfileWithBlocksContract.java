package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.ProfileWithBlocks;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.registered;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PublicProfiles#profileWithBlocks}: the public view of the profile as {@link UserRepository#findById} reads
 * it, with the same answer as {@link BlockRepository#between}, in one statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProfileWithBlocksContract {

    protected abstract UserRepository users();

    protected abstract BlockRepository blocks();

    protected abstract PublicProfiles publicProfiles();

    @Test
    void everyFieldOfTheProfileIsReadWithNoBlocks() {
        User viewer = stored(registered(newId("viewer"), Instant.parse("2024-01-02T03:04:05.678901Z")));
        User owner = stored(user(newId("owner")));

        ProfileWithBlocks seen =
                publicProfiles().profileWithBlocks(viewer.id(), owner.id()).orElseThrow();

        assertThat(seen.profile())
                .isEqualTo(owner.publicView())
                .isEqualTo(users().findById(owner.id()).orElseThrow().publicView());
        assertThat(seen.blocks()).isEqualTo(BlockStatus.NONE);
    }

    @Test
    void everyVisibilityFlagMasksItsFieldAsThePublicViewOfTheWholeProfileDoes() {
        User viewer = stored(user(newId("viewer")));
        User template = user(newId("template"));
        List<Visibility> flags = List.of(
                Visibility.ALL_PRIVATE,
                new Visibility(true, true, true, true, true, true),
                new Visibility(true, false, true, false, true, false),
                new Visibility(false, true, false, true, false, true));
        for (Visibility visibility : flags) {
            UserId id = newId("owner");
            User owner = stored(User.reconstitute(
                    id,
                    Email.of(id.value() + "@example.net"),
                    template.firstName(),
                    template.lastName(),
                    template.details(),
                    visibility,
                    template.sharing(),
                    new ProfileImage(Instant.parse("2024-05-06T07:08:09.123456Z"), "png"),
                    template.createdAt()));

            PublicProfile seen = publicProfiles()
                    .profileWithBlocks(viewer.id(), owner.id())
                    .orElseThrow()
                    .profile();

            assertThat(seen).as("%s", visibility).isEqualTo(owner.publicView());
        }
    }

    @Test
    void eachDirectionOfABlockIsTold() {
        User viewer = stored(user(newId("viewer")));
        User blocked = stored(user(newId("blocked")));
        User blocker = stored(user(newId("blocker")));
        User both = stored(user(newId("both")));
        blocks().insert(Block.of(viewer.id(), blocked.id(), Instant.now()));
        blocks().insert(Block.of(blocker.id(), viewer.id(), Instant.now()));
        blocks().insert(Block.of(viewer.id(), both.id(), Instant.now()));
        blocks().insert(Block.of(both.id(), viewer.id(), Instant.now()));

        for (User other : new User[] {blocked, blocker, both}) {
            ProfileWithBlocks seen =
                    publicProfiles().profileWithBlocks(viewer.id(), other.id()).orElseThrow();
            assertThat(seen.profile()).isEqualTo(other.publicView());
            assertThat(seen.blocks()).isEqualTo(blocks().between(viewer.id(), other.id()));
        }
        assertThat(publicProfiles()
                        .profileWithBlocks(viewer.id(), blocked.id())
                        .orElseThrow()
                        .blocks())
                .isEqualTo(new BlockStatus(true, false));
        assertThat(publicProfiles()
                        .profileWithBlocks(viewer.id(), blocker.id())
                        .orElseThrow()
                        .blocks())
                .isEqualTo(new BlockStatus(false, true));
        assertThat(publicProfiles()
                        .profileWithBlocks(viewer.id(), both.id())
                        .orElseThrow()
                        .blocks())
                .isEqualTo(new BlockStatus(true, true));
        assertThat(publicProfiles()
                        .profileWithBlocks(blocked.id(), viewer.id())
                        .orElseThrow()
                        .blocks())
                .isEqualTo(new BlockStatus(false, true));
    }

    @Test
    void noProfileIsEmptyEvenWhenBlocksNameIt() {
        User viewer = stored(user(newId("viewer")));
        UserId missing = newId("missing");

        assertThat(publicProfiles().profileWithBlocks(viewer.id(), missing)).isEmpty();
    }

    private User stored(User user) {
        users().insert(user);
        return user;
    }
}
