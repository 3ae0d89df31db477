package com.pagenow.userapi.benchmarks;

import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.DefaultDomainLists;
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
import java.util.ArrayList;
import java.util.List;

/** Data shaped like the bench database's: a profile with the default domain lists, a page of 15 friends. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The stored allow list of a profile that kept the defaults (the read path reconstitutes it per request). */
    public static String[] storedAllowList() {
        return DefaultDomainLists.ALLOW.values().toArray(String[]::new);
    }

    public static String[] storedDenyList() {
        return DefaultDomainLists.DENY.values().toArray(String[]::new);
    }

    public static User user() {
        return User.reconstitute(UserId.of("u0012345"), Email.of("amy.white.12345@example.com"),
                PersonName.of("Amy"), PersonName.of("White"),
                new ProfileDetails(new ProfileText("Reads the news on the train, shares the long ones."),
                        LocalDate.of(1990, 4, 12), new ProfileText("female"),
                        new ProfileText("Seoul National University"),
                        new ProfileText("PageNow"), new ProfileText("Seoul")),
                new Visibility(true, false, true, true, false, true),
                new SharingSettings(ShareMode.DEFAULT_ALL, DomainList.reconstitute(storedAllowList()),
                        DomainList.reconstitute(storedDenyList())),
                new ProfileImage(Instant.parse("2026-11-20T08:15:30.123456Z"), "png"),
                Instant.parse("2025-03-01T12:00:00.5Z"));
    }

    public static List<UserSummary> friendsPage() {
        List<UserSummary> page = new ArrayList<>();
        FriendshipStatus[] statuses = FriendshipStatus.values();
        for (int i = 0; i < 15; i++) {
            page.add(new UserSummary(UserId.of(String.format("u%07d", 4000 + i * 37)), PersonName.of("Friend" + i),
                    PersonName.of("Lastname" + i), new ProfileText(i % 3 == 0 ? "" : "Likes long reads " + i),
                    i % 2 == 0 ? ProfileImage.NONE : new ProfileImage(Instant.parse("2026-10-01T10:00:00Z"), "jpg"),
                    statuses[i % statuses.length], null));
        }
        return page;
    }
}
