package com.pagenow.userapi.domain.archfixture;

import org.jooq.DSLContext;

/** Planted violation (test fixture only): a domain class that reaches for jOOQ. */
public class DomainValueUsingJdbc {

    public int count(DSLContext database) {
        return database.fetchCount(database.selectOne());
    }
}
