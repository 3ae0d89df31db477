package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UserSearchRepository} must do: docs/api.md's matching and ranking, checked on hand-made data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserSearchRepositoryContract {

    private static final UserId ME = UserId.of("u99");
    private static final Instant IMAGE_AT = Instant.parse("2023-04-05T06:07:08Z");
    private static final Visibility PUBLIC_EMAIL = new Visibility(true, false, false, false, false, false);

    protected abstract UserSearchRepository search();

    /** Removes every user and friendship. */
    protected abstract void clear();

    protected abstract void store(User user);

    protected abstract void befriend(String requester, String addressee, boolean accepted);

    @BeforeEach
    void startEmpty() {
        clear();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Ranking {

        /**
         * "ann" against the data set of {@link #storeRankingDataSet()}: friends, then pending, then strangers who
         * share friends with the viewer, then the rest; within each by mutual friends, then prefix over suffix over
         * infix, then user id descending.
         */
        private static final List<String> EXPECTED = List.of(
                "u12", "u10", "u11", // friends: mutual 2 (suffix), 1 (prefix), 0 (infix)
                "u15", "u14", "u13", // pending: mutual 1; then mutual 0 prefix, infix
                "u20", "u21", // strangers with 2 mutual friends: prefix, infix
                "u22", "u23", // 1 mutual friend: prefix, infix
                "u44", "u40", "u25", "u24", // no mutual friend, prefix, by id descending
                "u45", "u42", // suffix
                "u43", "u41"); // infix

        @BeforeEach
        void data() {
            storeRankingDataSet();
        }

        @Test
        void resultsAreRankedByStateThenMutualFriendsThenMatchThenIdDescending() {
            List<UserSummary> found =
                    search().search(ME, SearchField.NAME, SearchText.of("ann"), PageRequest.of(15, 0));

            assertThat(ids(found)).containsExactlyElementsOf(EXPECTED.subList(0, 15));
        }

        @Test
        void everyPageSizeWalksTheSameOrderWithoutGapsOrDuplicates() {
            for (int size = 1; size <= 7; size++) {
                List<String> walked = new ArrayList<>();
                for (int offset = 0; ; offset += size) {
                    List<UserSummary> page =
                            search().search(ME, SearchField.NAME, SearchText.of("ann"), PageRequest.of(size, offset));
                    assertThat(page.size()).isLessThanOrEqualTo(size);
                    if (page.isEmpty()) {
                        break;
                    }
                    walked.addAll(ids(page));
                }
                assertThat(walked).as("pages of %d", size).containsExactlyElementsOf(EXPECTED);
            }
        }

        @Test
        void statusAndMutualFriendCountAreFilledRelativeToTheViewer() {
            List<UserSummary> found =
                    search().search(ME, SearchField.NAME, SearchText.of("ANN"), PageRequest.of(15, 0));

            assertThat(found)
                    .extracting(user -> user.id().value() + " " + user.status() + " " + user.mutualFriendCount())
                    .startsWith(
                            "u12 FRIENDS 2",
                            "u10 FRIENDS 1",
                            "u11 FRIENDS 0",
                            "u15 OUTGOING 1",
                            "u14 INCOMING 0",
                            "u13 OUTGOING 0",
                            "u20 NONE 2",
                            "u21 NONE 2",
                            "u22 NONE 1",
                            "u23 NONE 1",
                            "u44 NONE 0");
            UserSummary friend = found.get(1);
            assertThat(friend.firstName().value()).isEqualTo("Anna");
            assertThat(friend.lastName().value()).isEqualTo("Friend");
            assertThat(friend.description().value()).isEqualTo("likes search");
            assertThat(friend.profileImage().uploadedAt()).isEqualTo(IMAGE_AT);
            assertThat(friend.profileImage().extension()).isEqualTo("png");
        }

        @Test
        void viewerIsNeverInTheResults() {
            List<UserSummary> found =
                    search().search(ME, SearchField.NAME, SearchText.of("annie viewer"), PageRequest.of(15, 0));

            assertThat(found).isEmpty();
            assertThat(ids(search().search(
                                    UserId.of("u40"),
                                    SearchField.NAME,
                                    SearchText.of("annie viewer"),
                                    PageRequest.of(15, 0))))
                    .containsExactly("u99");
        }

        @Test
        void offsetBeyondTheLastMatchGivesAnEmptyPage() {
            assertThat(search().search(ME, SearchField.NAME, SearchText.of("ann"), PageRequest.of(15, 18)))
                    .hasSize(0);
            assertThat(ids(search().search(ME, SearchField.NAME, SearchText.of("ann"), PageRequest.of(15, 17))))
                    .containsExactly("u41");
        }

        @Test
        void emailSearchRanksTheSameWayOnTheAddress() {
            List<UserSummary> found =
                    search().search(ME, SearchField.EMAIL, SearchText.of("@ranking.test"), PageRequest.of(15, 0));

            // Every address ends with the text (score 2), so state, mutual friends and id decide. The viewer's
            // friends u30 (2 mutual: u10, u12) and u31 (1: u12) match here too.
            assertThat(ids(found))
                    .containsExactly(
                            "u30", "u12", "u31", "u10", "u11", "u15", "u14", "u13", "u21", "u20", "u23", "u22", "u50",
                            "u45", "u44");
        }

        @Test
        void friendSearchFindsOnlyAcceptedFriendsRankedByMutualFriends() {
            List<UserSummary> found =
                    search().searchFriends(ME, SearchField.NAME, SearchText.of("Ann"), false, PageRequest.of(10, 0));

            assertThat(found)
                    .extracting(user -> user.id().value() + " " + user.status() + " " + user.mutualFriendCount())
                    .containsExactly("u12 FRIENDS 2", "u10 FRIENDS 1", "u11 FRIENDS 0");
            assertThat(ids(search().searchFriends(
                                    ME, SearchField.NAME, SearchText.of("ann"), false, PageRequest.of(1, 1))))
                    .containsExactly("u10");
        }

        @Test
        void exactFriendSearchMatchesTheWholeFieldIgnoringCase() {
            assertThat(ids(search().searchFriends(
                                    ME, SearchField.NAME, SearchText.of(" ANNA friend "), true, PageRequest.of(10, 0))))
                    .containsExactly("u10");
            assertThat(search().searchFriends(ME, SearchField.NAME, SearchText.of("anna"), true, PageRequest.of(10, 0)))
                    .isEmpty();
            assertThat(ids(search().searchFriends(
                                    ME,
                                    SearchField.EMAIL,
                                    SearchText.of("U11@Ranking.Test"),
                                    true,
                                    PageRequest.of(10, 0))))
                    .containsExactly("u11");
            assertThat(search().searchFriends(
                                    ME, SearchField.NAME, SearchText.of("hanna asked"), true, PageRequest.of(10, 0)))
                    .as("pending is not a friend")
                    .isEmpty();
        }

        @Test
        void friendSearchOfSomeoneWithoutFriendsFindsNothing() {
            assertThat(search().searchFriends(
                                    UserId.of("u40"),
                                    SearchField.NAME,
                                    SearchText.of("a"),
                                    false,
                                    PageRequest.of(10, 0)))
                    .isEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PrivateAddresses {

        @BeforeEach
        void data() {
            store(person("u01", "Annie", "Viewer"));
            store(aUser("u90")
                    .withName("Bob", "Hidden")
                    .withEmail("Bob.Hidden@Secret.test")
                    .build());
            store(aUser("u91")
                    .withName("Bo", "Shown")
                    .withEmail("bo.shown@secret.test")
                    .withVisibility(PUBLIC_EMAIL)
                    .build());
            store(aUser("u92")
                    .withName("Fay", "Friend")
                    .withEmail("fay@secret.test")
                    .build());
            befriend("u01", "u92", true);
            befriend("u92", "u90", true); // u90 is a friend of a friend: ranked above strangers, but still hidden
        }

        @Test
        void aPrivateAddressIsFoundOnlyByTheWholeAddressIgnoringCase() {
            for (String fragment : List.of("ob", "bob.", "@secret.test", "hidden@secret", "secret", "Bob.Hidden@")) {
                assertThat(emails(fragment)).as(fragment).doesNotContain("u90");
            }
            assertThat(emails("bob.hidden@secret.test")).containsExactly("u90");
            assertThat(emails(" BOB.HIDDEN@SECRET.TEST ")).containsExactly("u90");
            assertThat(emails("bob.hidden@secret.tes")).isEmpty();
        }

        @Test
        void aPublicAddressIsStillFoundByAFragment() {
            assertThat(emails("@secret.test")).containsExactly("u91");
            assertThat(emails("shown")).containsExactly("u91");
        }

        @Test
        void friendSearchMasksAFriendsPrivateAddressToo() {
            assertThat(search().searchFriends(
                                    UserId.of("u01"),
                                    SearchField.EMAIL,
                                    SearchText.of("fay"),
                                    false,
                                    PageRequest.of(10, 0)))
                    .isEmpty();
            assertThat(ids(search().searchFriends(
                                    UserId.of("u01"),
                                    SearchField.EMAIL,
                                    SearchText.of("FAY@secret.test"),
                                    false,
                                    PageRequest.of(10, 0))))
                    .containsExactly("u92");
            assertThat(ids(search().searchFriends(
                                    UserId.of("u01"),
                                    SearchField.EMAIL,
                                    SearchText.of("fay@secret.test"),
                                    true,
                                    PageRequest.of(10, 0))))
                    .containsExactly("u92");
        }

        private List<String> emails(String q) {
            return ids(search().search(UserId.of("u01"), SearchField.EMAIL, SearchText.of(q), PageRequest.of(15, 0)));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LiteralMatching {

        @BeforeEach
        void data() {
            store(person("u01", "Annie", "Viewer"));
            store(person("u60", "Percent", "100%Off"));
            store(person("u61", "Percent", "100 Other"));
            store(person("u62", "Under_Score", "Lee"));
            store(person("u63", "UnderXScore", "Lee"));
            store(person("u64", "Back\\Slash", "Lee"));
            store(person("u65", "Backslash", "Lee"));
            store(aUser("u66")
                    .withName("Mail", "Literal")
                    .withEmail("a%b_c\\d@example.com")
                    .withVisibility(PUBLIC_EMAIL)
                    .build());
            store(aUser("u67")
                    .withName("Mail", "Decoy")
                    .withEmail("axbycd@example.com")
                    .withVisibility(PUBLIC_EMAIL)
                    .build());
            store(person("u70", "Łukasz", "Kowalski"));
            store(person("u71", "이용균", "박"));
            store(person("u72", "Lukasz", "Nowak"));
        }

        @Test
        void percentMatchesOnlyAPercentSign() {
            assertThat(names("0%o")).containsExactly("u60");
            assertThat(names("%")).containsExactly("u60");
        }

        @Test
        void underscoreMatchesOnlyAnUnderscore() {
            assertThat(names("r_s")).containsExactly("u62");
            assertThat(names("_")).containsExactly("u62");
        }

        @Test
        void backslashMatchesOnlyABackslash() {
            assertThat(names("k\\s")).containsExactly("u64");
            assertThat(names("K\\SLASH")).containsExactly("u64");
        }

        @Test
        void trailingBackslashIsDroppedBeforeMatching() {
            assertThat(names("back\\")).containsExactly("u65", "u64");
        }

        @Test
        void wildcardsInAnEmailSearchMatchLiterally() {
            assertThat(ids(search().search(
                                    UserId.of("u01"),
                                    SearchField.EMAIL,
                                    SearchText.of("%B_C\\D@"),
                                    PageRequest.of(15, 0))))
                    .containsExactly("u66");
            assertThat(ids(search().search(
                                    UserId.of("u01"), SearchField.EMAIL, SearchText.of("_"), PageRequest.of(15, 0))))
                    .containsExactly("u66");
        }

        @Test
        void nonAsciiNamesMatchIgnoringCase() {
            assertThat(names("łuk")).containsExactly("u70");
            assertThat(names("ŁUKASZ K")).containsExactly("u70");
            assertThat(names("ukasz")).containsExactly("u72", "u70");
            assertThat(names("이용")).containsExactly("u71");
            assertThat(names("용균")).containsExactly("u71");
            assertThat(names("균 박")).containsExactly("u71");
        }

        @Test
        void matchScoreOrdersPrefixBeforeSuffixBeforeInfix() {
            store(person("u80", "Zz", "Lee"));
            store(person("u81", "Lee", "Zz"));
            store(person("u82", "Ale", "Ezz"));
            store(person("u83", "Fleet", "Ox"));

            // "lee zz" starts with "lee"; "zz lee" and the u6x names end with it; "fleet ox" holds it inside.
            assertThat(names("lee")).containsExactly("u81", "u80", "u65", "u64", "u63", "u62", "u83");
            assertThat(names("e e")).containsExactly("u82");
        }

        private List<String> names(String q) {
            return ids(search().search(UserId.of("u01"), SearchField.NAME, SearchText.of(q), PageRequest.of(15, 0)));
        }
    }

    /**
     * The viewer u99 and the users of {@link Ranking#EXPECTED}, with relationships and shared friends: u30 and u31
     * are the viewer's friends who do not match "ann" and give the mutual counts.
     */
    private void storeRankingDataSet() {
        store(person("u99", "Annie", "Viewer"));
        store(aUser("u10")
                .withName("Anna", "Friend")
                .withEmail("u10@ranking.test")
                .withVisibility(PUBLIC_EMAIL)
                .withDescription("likes search")
                .withProfileImage(IMAGE_AT, "png")
                .build());
        store(person("u11", "Joanna", "Pal"));
        store(person("u12", "Bob", "Jann"));
        store(person("u13", "Hanna", "Asked"));
        store(person("u14", "Annika", "Asker"));
        store(person("u15", "Lee", "Ann"));
        store(person("u20", "Anne", "Shared"));
        store(person("u21", "Dianne", "Shared"));
        store(person("u22", "Ann", "Shared"));
        store(person("u23", "Suzanne", "One"));
        store(person("u24", "Annabel", "Pending"));
        store(person("u25", "Anny", "Viapending"));
        store(person("u30", "Carl", "Helper"));
        store(person("u31", "Dora", "Helper"));
        store(person("u40", "Annette", "Stranger"));
        store(person("u41", "Joann", "Stranger"));
        store(person("u42", "Maria", "Dann"));
        store(person("u43", "Hannah", "Stranger"));
        store(person("u44", "Ann", "Zero"));
        store(person("u45", "Bo", "Vann"));
        store(person("u50", "Bob", "Nobody"));

        befriend("u99", "u10", true);
        befriend("u11", "u99", true);
        befriend("u99", "u12", true);
        befriend("u30", "u99", true);
        befriend("u99", "u31", true);
        befriend("u99", "u13", false);
        befriend("u14", "u99", false);
        befriend("u99", "u15", false);

        befriend("u10", "u30", true);
        befriend("u30", "u12", true);
        befriend("u12", "u31", true);
        befriend("u31", "u15", true);
        befriend("u30", "u20", true);
        befriend("u20", "u31", true);
        befriend("u21", "u30", true);
        befriend("u31", "u21", true);
        befriend("u22", "u30", true);
        befriend("u31", "u23", true);
        befriend("u30", "u24", false);
        befriend("u13", "u25", true);
        befriend("u44", "u50", true);
    }

    /** A user whose public e-mail address, unlike the name, is in {@code @ranking.test}. */
    private static User person(String id, String first, String last) {
        return aUser(id)
                .withName(first, last)
                .withEmail(id + "@ranking.test")
                .withVisibility(PUBLIC_EMAIL)
                .build();
    }

    private static List<String> ids(List<UserSummary> users) {
        return users.stream().map(user -> user.id().value()).toList();
    }
}
