-- V8 on H2: the live event outbox, as on PostgreSQL (see its V8). Dev mode polls it instead of LISTEN/NOTIFY.
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
