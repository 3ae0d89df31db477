package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.domain.user.UserId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL notification channel of live events and its payload: the recipients' user ids, one per line
 * (Cognito user names hold no white space), in chunks below PostgreSQL's 8000-byte payload limit.
 */
final class LiveEventChannel {

    static final String NAME = "user_api_live_events";
    static final int MAX_PAYLOAD_BYTES = 7_000;

    private LiveEventChannel() {}

    static String[] payloads(String[] recipients) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (String recipient : recipients) {
            int size = recipient.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size > MAX_PAYLOAD_BYTES && chunk.length() > 0) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
                bytes = 0;
            }
            if (chunk.length() > 0) {
                chunk.append('\n');
            }
            chunk.append(recipient);
            bytes += size;
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks.toArray(String[]::new);
    }

    /** The recipients a payload names; lines that are no valid user id are skipped. */
    static Set<UserId> recipients(String payload) {
        Set<UserId> ids = new LinkedHashSet<>();
        Arrays.stream(payload.split("\n")).filter(line -> !line.isBlank()).forEach(line -> {
            try {
                ids.add(UserId.of(line));
            } catch (RuntimeException notAnId) {
                // someone else's NOTIFY on our channel: nothing to wake
            }
        });
        return ids;
    }
}
