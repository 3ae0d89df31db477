-- V2: brings the older variant of the original schema to V1. That variant's share_notification_table has
-- "timestamp" instead of sent_at and no sent_to. Every step checks first, so on a database that already
-- has the V1 shape (fresh or adopted) this changes nothing. Rows are kept: sent_at holds the old values.
-- jOOQ's code generator cannot parse DO blocks; it reads the V1 shape, which this file leaves unchanged.

/* [jooq ignore start] */
DO $$
DECLARE
    sent_at_type text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'share_notification_table'
                     AND column_name = 'sent_at') THEN
        IF EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'share_notification_table'
                     AND column_name = 'timestamp') THEN
            ALTER TABLE share_notification_table RENAME COLUMN "timestamp" TO sent_at;
        ELSE
            ALTER TABLE share_notification_table ADD COLUMN sent_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now();
        END IF;
    END IF;

    SELECT data_type INTO sent_at_type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'share_notification_table' AND column_name = 'sent_at';
    IF sent_at_type = 'timestamp with time zone' THEN
        ALTER TABLE share_notification_table
            ALTER COLUMN sent_at TYPE TIMESTAMP WITHOUT TIME ZONE USING sent_at AT TIME ZONE 'UTC';
    END IF;

    -- A send time the old service did not record cannot be recovered; the epoch marks it and sorts it last.
    UPDATE share_notification_table SET sent_at = TIMESTAMP '1970-01-01 00:00:00' WHERE sent_at IS NULL;
    ALTER TABLE share_notification_table ALTER COLUMN sent_at SET DEFAULT now();
    ALTER TABLE share_notification_table ALTER COLUMN sent_at SET NOT NULL;

    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'share_notification_table'
                     AND column_name = 'sent_to') THEN
        ALTER TABLE share_notification_table ADD COLUMN sent_to VARCHAR;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints
                   WHERE table_schema = current_schema() AND table_name = 'share_notification_table'
                     AND constraint_name = 'share_notification_table_sent_to_fkey') THEN
        ALTER TABLE share_notification_table ADD CONSTRAINT share_notification_table_sent_to_fkey
            FOREIGN KEY (sent_to) REFERENCES user_table (user_id);
    END IF;
END
$$;
/* [jooq ignore stop] */
