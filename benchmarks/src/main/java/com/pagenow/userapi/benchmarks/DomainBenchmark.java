package com.pagenow.userapi.benchmarks;

import com.pagenow.userapi.domain.user.DomainList;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The domain's share of a profile read: the stored domain lists as values, and the privacy projection. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DomainBenchmark {

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
