-- V9 on H2: the same table as PostgreSQL's V9 (see there for why): the Idempotency-Key of each keyed share request.
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
