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
    void storedDefaultListReadsBackAsTheDefaultItself() {
        String[] stored = DefaultDomainLists.ALLOW.values().toArray(String[]::new);
        assertThat(DomainList.reconstitute(stored)).isSameAs(DefaultDomainLists.ALLOW);
        assertThat(DomainList.reconstitute(DefaultDomainLists.DENY.values().toArray(String[]::new)))
                .isSameAs(DefaultDomainLists.DENY);
    }

    @Test
    void storedListThatDiffersFromTheDefaultInOneEntryIsReadEntryByEntry() {
        String[] stored = DefaultDomainLists.ALLOW.values().toArray(String[]::new);
        stored[3] = " Example.ORG ";
        DomainList read = DomainList.reconstitute(stored);
        assertThat(read).isNotSameAs(DefaultDomainLists.ALLOW);
        assertThat(read.values()).hasSize(stored.length).contains("example.org").doesNotContain(" Example.ORG ");
        stored[3] = DefaultDomainLists.ALLOW.values().get(3).toUpperCase(java.util.Locale.ROOT);
        assertThat(DomainList.reconstitute(stored)).isEqualTo(DefaultDomainLists.ALLOW);
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
    void atMost500Entries() {
        List<String> limit = IntStream.range(0, 500).mapToObj(i -> "d" + i + ".com").toList();
        assertThat(DomainList.parse(limit).domains()).hasSize(500);
        List<String> over = IntStream.range(0, 501).mapToObj(i -> "d" + i + ".com").toList();
        assertThatThrownBy(() -> DomainList.parse(over)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void storedListsDropEntriesTheOldServiceLetThrough() {
        DomainList list = DomainList.reconstitute(new String[] {"ok.com", "http://legacy.com/x", null, "", "OK.com"});
        assertThat(list.values()).containsExactly("ok.com");
    }

    @Test
    void theDefaultListsHoldEachEntryOnce() {
        assertThat(DefaultDomainLists.DENY.values()).containsExactly(
                "facebook.com", "instagram.com", "amazon.com", "twitter.com", "messenger.com", "google.com");
        assertThat(DefaultDomainLists.ALLOW.values()).doesNotHaveDuplicates().contains("wikipedia.org", "plainenglish.io");
        assertThat(Collections.frequency(DefaultDomainLists.ALLOW.values(), "github.com")).isEqualTo(1);
    }
}
