package com.pagenow.userapi.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainShareWarningsTest {

    @Test
    void warnsAboutTheThreeDomainsOfTheOldServiceInOrder() {
        assertThat(DomainShareWarnings.all().keySet())
                .extracting(DomainName::value)
                .containsExactly("google.com", "messenger.com", "notion.so");
        assertThat(DomainShareWarnings.all().get(DomainName.of("google.com")))
                .isEqualTo("Allowing google.com may result in sharing personal activities (e.g. Gmail, Calendar)");
        assertThat(DomainShareWarnings.all().get(DomainName.of("notion.so")))
                .isEqualTo("Allowing notion.so may result in sharing personal activities");
    }

    @Test
    void warningsCannotBeChanged() {
        assertThatThrownBy(() -> DomainShareWarnings.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
