package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.SqlStates;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/** Inserts that may meet a row already there, which is an answer rather than a failure. */
final class Inserts {

    private Inserts() {}

    /**
     * Runs {@code insert}, an {@code INSERT ... ON CONFLICT DO NOTHING} (on PostgreSQL a failed statement would abort
     * the surrounding transaction), and answers how many rows it inserted: 0 where a unique index refused the row.
     * H2 emulates DO NOTHING on the primary key only, so another unique index of it still raises, answered 0 too.
     */
    static int ignoringDuplicates(Query insert) {
        try {
            return insert.execute();
        } catch (DataAccessException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            return 0;
        }
    }
}
