-- V9: the Idempotency-Key of each keyed share request (POST /notifications/share and .../personal), so that a retry
-- within 24 hours answers the first event instead of notifying every friend again. Written in the share's own
-- transaction; the primary key makes a second, concurrent copy of the request wait for the first and then find it.
-- Rows older than 24 hours are deleted by the service (the created_at index); nothing else reads this table.
CREATE TABLE idempotency_key_table (
    user_id             VARCHAR NOT NULL,
    idempotency_key     VARCHAR NOT NULL,
    request_fingerprint VARCHAR NOT NULL,
    event_id            UUID NOT NULL,
    created_at          TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_table_pkey PRIMARY KEY (user_id, idempotency_key),
    CONSTRAINT idempotency_key_table_event_id_fkey
        FOREIGN KEY (event_id) REFERENCES share_notification_table (event_id)
);
CREATE INDEX idempotency_key_table_created_at_idx ON idempotency_key_table (created_at);
