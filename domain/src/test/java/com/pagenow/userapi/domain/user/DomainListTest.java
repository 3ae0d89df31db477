package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainListTest {

    @Test
    void sameStoredEntriesReadBackAsTheSameList() {
        String[] stored = {"b.com", " A.com", "b.com", "c.com"};
        DomainList first = DomainList.reconstitute(stored);
        DomainList again = DomainList.reconstitute(new String[] {"b.com", " A.com", "b.com", "c.com"});
        assertThat(again).isSameAs(first);
        assertThat(again.values()).containsExactly("b.com", "a.com", "c.com");
    }

    @Test
    void storedListThatDiffersInOneEntryIsReadEntryByEntry() {
        String[] stored = {"one.com", "two.com", "three.com"};
        DomainList first = DomainList.reconstitute(stored);
        stored[1] = " Other.ORG ";
        DomainList changed = DomainList.reconstitute(stored);
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.values()).containsExactly("one.com", "other.org", "three.com");
        assertThat(DomainList.reconstitute(new String[] {"one.com", "two.com", "three.com"})
                        .values())
                .containsExactly("one.com", "two.com", "three.com");
    }

    @Test
    void changingTheStoredArrayAfterwardsDoesNotChangeWhatWasRead() {
        String[] stored = {"keep.com", "these.com"};
        DomainList read = DomainList.reconstitute(stored);
        stored[0] = "changed.com";
        assertThat(read.values()).containsExactly("keep.com", "these.com");
        assertThat(DomainList.reconstitute(new String[] {"keep.com", "these.com"})
                        .values())
                .containsExactly("keep.com", "these.com");
    }

    @Test
    void storedListsWithNullOrBlankEntriesStillRead() {
        assertThat(DomainList.reconstitute(new String[] {null, " ", "ok.com"}).values())
                .containsExactly("ok.com");
        assertThat(DomainList.reconstitute(null)).isEqualTo(DomainList.EMPTY);
        assertThat(DomainList.reconstitute(new String[0])).isEqualTo(DomainList.EMPTY);
    }

    @Test
    void duplicatesKeepTheFirstPositionAfterNormalising() {
        DomainList list = DomainList.parse(List.of("b.com", " A.com", "b.com", "a.COM ", "c.com"));
        assertThat(list.values()).containsExactly("b.com", "a.com", "c.com");
    }

    @Test
    void oneBadEntryRejectsTheWholeList() {
        assertThatThrownBy(() -> DomainList.parse(List.of("good.com", "https://bad.com")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("https://bad.com");
    }

    @Test
    void blankEntriesAreDroppedWithoutError() {
        DomainList list = DomainList.parse(List.of("a.com", "", "  ", "b.com", ""));
        assertThat(list.values()).containsExactly("a.com", "b.com");
        assertThat(DomainList.parse(List.of("")).values()).isEmpty();
    }

    @Test
    void atMost500Entries() {
        List<String> limit =
                IntStream.range(0, 500).mapToObj(i -> "d" + i + ".com").toList();
        assertThat(DomainList.parse(limit).domains()).hasSize(500);
        List<String> over =
                IntStream.range(0, 501).mapToObj(i -> "d" + i + ".com").toList();
        assertThatThrownBy(() -> DomainList.parse(over)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void storedListsDropEntriesTheOldServiceLetThrough() {
        DomainList list = DomainList.reconstitute(new String[] {"ok.com", "http://legacy.com/x", null, "", "OK.com"});
        assertThat(list.values()).containsExactly("ok.com");
    }

    @Test
    void theDefaultListsHoldEachEntryOnce() {
        assertThat(DefaultDomainLists.DENY.values())
                .containsExactly(
                        "facebook.com", "instagram.com", "amazon.com", "twitter.com", "messenger.com", "google.com");
        assertThat(DefaultDomainLists.ALLOW.values())
                .doesNotHaveDuplicates()
                .contains("wikipedia.org", "plainenglish.io");
        assertThat(Collections.frequency(DefaultDomainLists.ALLOW.values(), "github.com"))
                .isEqualTo(1);
    }
}
