-- V1 for the embedded H2 database (dev mode): the same tables, columns, keys and indexes as the PostgreSQL V1,
-- in H2's spelling: VARCHAR ARRAY DEFAULT ARRAY[] (H2 would store '{}' as a one-element array), RANDOM_UUID(),
-- no extension.

CREATE TABLE user_table (
    user_id                   VARCHAR NOT NULL,
    email                     VARCHAR NOT NULL,
    email_public              BOOLEAN DEFAULT false NOT NULL,
    first_name                VARCHAR NOT NULL,
    last_name                 VARCHAR NOT NULL,
    dob                       DATE,
    dob_public                BOOLEAN DEFAULT false NOT NULL,
    created_at                TIMESTAMP WITHOUT TIME ZONE DEFAULT LOCALTIMESTAMP NOT NULL,
    share_mode                VARCHAR DEFAULT 'default_none' NOT NULL,
    domain_allow_array        VARCHAR ARRAY DEFAULT ARRAY[] NOT NULL,
    domain_deny_array         VARCHAR ARRAY DEFAULT ARRAY[] NOT NULL,
    gender                    VARCHAR DEFAULT '' NOT NULL,
    gender_public             BOOLEAN DEFAULT false NOT NULL,
    school                    VARCHAR DEFAULT '' NOT NULL,
    school_public             BOOLEAN DEFAULT false NOT NULL,
    work                      VARCHAR DEFAULT '' NOT NULL,
    work_public               BOOLEAN DEFAULT false NOT NULL,
    location                  VARCHAR DEFAULT '' NOT NULL,
    location_public           BOOLEAN DEFAULT false NOT NULL,
    description               VARCHAR DEFAULT '' NOT NULL,
    profile_image_uploaded_at TIMESTAMP WITHOUT TIME ZONE,
    profile_image_extension   VARCHAR,
    CONSTRAINT user_table_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_table_email_key UNIQUE (email)
);
CREATE INDEX ix_user_table_user_id ON user_table (user_id);

CREATE TABLE friendship_table (
    user_id1     VARCHAR NOT NULL,
    user_id2     VARCHAR NOT NULL,
    requested_at TIMESTAMP WITHOUT TIME ZONE DEFAULT LOCALTIMESTAMP NOT NULL,
    accepted_at  TIMESTAMP WITHOUT TIME ZONE,
    CONSTRAINT friendship_table_pkey PRIMARY KEY (user_id1, user_id2),
    CONSTRAINT friendship_table_user_id1_fkey FOREIGN KEY (user_id1) REFERENCES user_table (user_id),
    CONSTRAINT friendship_table_user_id2_fkey FOREIGN KEY (user_id2) REFERENCES user_table (user_id)
);
CREATE INDEX ix_friendship_table_user_id1 ON friendship_table (user_id1);
CREATE INDEX ix_friendship_table_user_id2 ON friendship_table (user_id2);

CREATE TABLE share_notification_table (
    event_id UUID DEFAULT RANDOM_UUID() NOT NULL,
    user_id  VARCHAR,
    sent_at  TIMESTAMP WITHOUT TIME ZONE DEFAULT LOCALTIMESTAMP NOT NULL,
    url      VARCHAR NOT NULL,
    title    VARCHAR NOT NULL,
    sent_to  VARCHAR,
    CONSTRAINT share_notification_table_pkey PRIMARY KEY (event_id),
    CONSTRAINT share_notification_table_user_id_fkey FOREIGN KEY (user_id) REFERENCES user_table (user_id),
    CONSTRAINT share_notification_table_sent_to_fkey FOREIGN KEY (sent_to) REFERENCES user_table (user_id)
);
CREATE INDEX ix_share_notification_table_event_id ON share_notification_table (event_id);
CREATE INDEX ix_share_notification_table_user_id ON share_notification_table (user_id);

CREATE TABLE share_notification_seen_table (
    event_id UUID NOT NULL,
    user_id  VARCHAR NOT NULL,
    seen_at  TIMESTAMP WITHOUT TIME ZONE,
    CONSTRAINT share_notification_seen_table_pkey PRIMARY KEY (event_id, user_id),
    CONSTRAINT share_notification_seen_table_event_id_fkey
        FOREIGN KEY (event_id) REFERENCES share_notification_table (event_id),
    CONSTRAINT share_notification_seen_table_user_id_fkey FOREIGN KEY (user_id) REFERENCES user_table (user_id)
);
CREATE INDEX ix_share_notification_seen_table_event_id ON share_notification_seen_table (event_id);
CREATE INDEX ix_share_notification_seen_table_user_id ON share_notification_seen_table (user_id);
