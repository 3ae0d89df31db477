package com.pagenow.userapi.benchmarks;

import com.pagenow.userapi.domain.user.DomainList;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.Arrays;
import java.util.List;

/** The domain's share of a profile read: the stored domain lists as values, and the privacy projection. */
public class DomainBenchmark extends AverageTimeBenchmark {

    private String[] storedAllow;
    private List<String> requestedAllow;
    private User user;

    @Setup
    public void setUp() {
        storedAllow = Fixtures.storedAllowList();
        requestedAllow = Arrays.asList(storedAllow);
        user = Fixtures.user();
    }

    private int distinct;

    /** A stored allow list read back that was read before (the common case: profiles share their lists). */
    @Benchmark
    public DomainList domainListReconstituteSeenBefore() {
        return DomainList.reconstitute(storedAllow.clone());
    }

    /** A stored allow list read back for the first time: each entry checked and collected. */
    @Benchmark
    public DomainList domainListReconstituteFirstTime() {
        String[] stored = storedAllow.clone();
        stored[0] = "first-time-" + (distinct++) + ".example.com";
        return DomainList.reconstitute(stored);
    }

    /** The same list as a client sends it in a profile edit: each entry validated and normalised. */
    @Benchmark
    public DomainList domainListParse() {
        return DomainList.parse(requestedAllow);
    }

    /** What another user may see of a profile. */
    @Benchmark
    public PublicProfile privacyProjection() {
        return user.publicView();
    }
}
