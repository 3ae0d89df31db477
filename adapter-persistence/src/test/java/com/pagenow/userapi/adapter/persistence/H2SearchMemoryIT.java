package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dev mode's embedded database keeps nothing per search. H2's per-session cache of parsed statements kept about
 * 1.6 MB of each search statement's parse for every execution (its derived tables' plans), so a dev-mode service, or
 * the class archive training, ran out of heap after a few hundred searches; the embedded URL turns that cache off.
 */
class H2SearchMemoryIT {

    private static final UserId VIEWER = UserId.of("viewer");
    private static final int WARM_UP = 30;
    private static final int SEARCHES = 150;
    /** Far above what the heap's own noise moves, far below the 740 MB that {@link #SEARCHES} rounds leaked. */
    private static final long ALLOWED_GROWTH = 40L * 1024 * 1024;

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.h2();

    @Test
    void repeatedSearchesLeaveTheLiveHeapWhereItWas() {
        SearchData.clear(db.database());
        db.persistence()
                .users()
                .insert(aUser("viewer").withName("Vera", "Viewer").build());
        db.persistence().users().insert(aUser("ann").withName("Ann", "Anders").build());
        db.persistence().users().insert(aUser("bob").withName("Bob", "Banner").build());
        SearchData.befriend(db.database(), "viewer", "ann", true);
        UserSearchRepository search = db.persistence().userSearch();

        searchAll(search, WARM_UP);
        long before = liveHeap();
        searchAll(search, SEARCHES);
        long after = liveHeap();

        assertThat(after - before)
                .as("live heap growth over %d rounds of searches (bytes)", SEARCHES)
                .isLessThan(ALLOWED_GROWTH);
    }

    /** Each round: the name and e-mail searches and the friend search, as the read paths run them. */
    private static void searchAll(UserSearchRepository search, int rounds) {
        for (int i = 0; i < rounds; i++) {
            search.search(VIEWER, SearchField.NAME, SearchText.of("an"), PageRequest.of(15, 0));
            search.search(VIEWER, SearchField.EMAIL, SearchText.of("an"), PageRequest.of(15, 0));
            search.searchFriends(VIEWER, SearchField.NAME, SearchText.of("an"), false, PageRequest.of(15, 0));
        }
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
