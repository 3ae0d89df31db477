package com.pagenow.userapi.adapter.persistence.jdbc.archfixture;

import com.pagenow.userapi.domain.user.UserId;

/** Planted violation (test fixture only): JDBC plumbing that knows whose reads it routes by the domain's type. */
public class JdbcPlumbingKnowingUsers {

    public boolean readsFromReplica(UserId caller) {
        return caller != null;
    }
}
