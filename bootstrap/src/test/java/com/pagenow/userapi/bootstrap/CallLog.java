package com.pagenow.userapi.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every call a fault test's load made: what, when it started and how long it took, and the answer. */
final class CallLog {

    /** One call; {@code status} 0 when no answer came (connection reset, timeout). */
    record Call(String kind, String key, int status, long startedNanos, long tookNanos, String body) {

        Duration took() {
            return Duration.ofNanos(tookNanos);
        }

        boolean isWrite() {
            return kind.startsWith("write");
        }
    }

    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    void add(Call call) {
        calls.add(call);
    }

    List<Call> all() {
        return List.copyOf(calls);
    }

    List<Call> where(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    static Duration max(List<Call> calls) {
        return calls.stream().map(Call::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    static Duration percentile(List<Call> calls, double fraction) {
        List<Long> sorted = calls.stream().map(Call::tookNanos).sorted().toList();
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size()))));
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
