package com.pagenow.userapi.adapter.persistence.testing;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Profiles for repository tests: every field set to something other than its default. */
public final class TestUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestUsers() {}

    /** A unique id, so that tests sharing one database never collide. */
    public static UserId newId(String prefix) {
        return UserId.of(prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000);
    }

    /** A profile with the given id, an e-mail derived from it, and every field filled. */
    public static User user(UserId id) {
        return User.reconstitute(
                id,
                Email.of(id.value() + "@example.com"),
                PersonName.of("Jürgen"),
                PersonName.of("O'Brien-" + id.value().length()),
                new ProfileDetails(
                        ProfileText.description("Reads papers, writes code."),
                        LocalDate.of(1990, 2, 28),
                        ProfileText.detail("gender", "nonbinary"),
                        ProfileText.detail("school", "MIT"),
                        ProfileText.detail("work", "PageNow"),
                        ProfileText.detail("location", "서울")),
                new Visibility(true, false, true, false, true, false),
                new SharingSettings(
                        ShareMode.DEFAULT_ALL,
                        DomainList.parse(List.of("wikipedia.org", "news.ycombinator.com")),
                        DomainList.parse(List.of("facebook.com"))),
                new ProfileImage(Instant.parse("2021-10-13T21:36:38.123456Z"), "png"),
                Instant.parse("2021-10-01T08:00:00.654321Z"));
    }

    /** A freshly registered profile: defaults everywhere, no date of birth, no image. */
    public static User registered(UserId id, Instant now) {
        return User.register(
                id,
                Email.of(id.value() + "@example.org"),
                PersonName.of("Ann"),
                PersonName.of("Lee"),
                ProfileDetails.EMPTY,
                now);
    }
}
