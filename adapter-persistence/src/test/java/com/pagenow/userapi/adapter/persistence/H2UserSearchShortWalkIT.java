package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.UserSearchRepository;

/**
 * The contract again with a walk of one user, so that every stranger tier that needs more than one row reads its
 * matches from a scan of the embedded database instead of the walk.
 */
class H2UserSearchShortWalkIT extends H2UserSearchRepositoryIT {

    @Override
    protected UserSearchRepository search() {
        return new JooqUserSearchRepository(db.persistence().jooq(), 1);
    }
}
