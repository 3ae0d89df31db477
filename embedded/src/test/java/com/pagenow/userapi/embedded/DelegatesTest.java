package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.search.SearchFriendsUseCase;
import com.pagenow.userapi.application.port.in.search.SearchUsersUseCase;
import com.pagenow.userapi.domain.error.ConflictException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A port group answers each of its methods with the service implementing that method's use case. */
class DelegatesTest {

    @Test
    void eachMethodIsAnsweredByTheServiceImplementingItsUseCase() {
        List<String> called = new ArrayList<>();
        SearchUsersUseCase users = query -> {
            called.add("users");
            return List.of();
        };
        SearchFriendsUseCase friends = query -> {
            called.add("friends");
            return List.of();
        };
        Search search = Delegates.over(Search.class, users, friends);

        search.searchFriends(null);
        search.searchUsers(null);

        assertThat(called).containsExactly("friends", "users");
    }

    @Test
    void aServicesFailureReachesTheCallerAsThrown() {
        ConflictException conflict = new ConflictException("taken");
        SearchUsersUseCase users = query -> {
            throw conflict;
        };
        SearchFriendsUseCase friends = query -> List.of();
        Search search = Delegates.over(Search.class, users, friends);

        assertThatThrownBy(() -> search.searchUsers(null)).isSameAs(conflict);
    }

    @Test
    void aGroupWithAUseCaseNoServiceImplementsIsRefusedWhenBuilt() {
        SearchUsersUseCase users = query -> List.of();

        assertThatThrownBy(() -> Delegates.over(Search.class, users))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Search: no service implements SearchFriendsUseCase");
    }

    @Test
    void aGroupIsEqualOnlyToItselfAndSaysWhatItIs() {
        SearchUsersUseCase users = query -> List.of();
        SearchFriendsUseCase friends = query -> List.of();
        Search search = Delegates.over(Search.class, users, friends);

        assertThat(search).isEqualTo(search).isNotEqualTo(Delegates.over(Search.class, users, friends));
        assertThat(search.hashCode()).isEqualTo(System.identityHashCode(search));
        assertThat(search).hasToString("Search over the services of the shared wiring");
    }
}
