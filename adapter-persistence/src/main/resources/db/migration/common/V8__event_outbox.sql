-- V8: the live event outbox. Each friend request, accept and share writes one row per recipient here in the
-- transaction of the change, so a rolled-back change leaves no event, and NOTIFYs the instances (at commit only).
--
-- Ids count per recipient stream (what Last-Event-ID resumes from). event_stream holds each stream's last id; the
-- writer raises it with INSERT ... ON CONFLICT DO UPDATE, which keeps the row locked until commit, so a second
-- writer for the same recipient waits and ids commit in their order: a reader that has seen id n never misses an id
-- below n that commits later. The last id outlives the purged rows, so ids are never reused.
--
-- Only this service's writes produce events. The sibling services write no friend requests or shares (their test
-- fixtures insert friendships directly, and should not notify anyone), so no trigger watches the tables.
-- Rows are kept 24 hours (the service deletes older ones in small batches by occurred_at).

CREATE TABLE event_stream (
    recipient_id  VARCHAR NOT NULL PRIMARY KEY,
    last_event_id BIGINT  NOT NULL
);

CREATE TABLE event_outbox (
    recipient_id   VARCHAR   NOT NULL,
    event_id       BIGINT    NOT NULL,
    kind           VARCHAR   NOT NULL CHECK (kind IN ('friend_request', 'friend_accept', 'share')),
    subject_id     VARCHAR   NOT NULL,
    share_event_id UUID,
    occurred_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (recipient_id, event_id)
);

CREATE INDEX event_outbox_occurred_at ON event_outbox (occurred_at);
