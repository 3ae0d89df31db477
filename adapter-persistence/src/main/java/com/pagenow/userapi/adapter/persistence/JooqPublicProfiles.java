package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.RenderedRead;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.readmodel.ProfileWithBlocks;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.select;

/** {@link PublicProfiles} on {@code user_table} and V7's {@code user_block_table}, in one statement. */
final class JooqPublicProfiles implements PublicProfiles {

    /** Where the two block columns follow the {@link PublicProfileMapper#COLUMNS} this statement selects first. */
    private static final int BLOCKING_COLUMN = PublicProfileMapper.COLUMNS.size();

    private final JooqContext db;
    /**
     * The public profile with the blocks between the two, in one statement: every {@code /users/id/{id}} (see
     * {@link RenderedRead}).
     */
    private final RenderedRead profileWithBlocks;

    private final RenderedRead.Bind<String> viewer;
    private final RenderedRead.Bind<String> owner;

    JooqPublicProfiles(JooqContext db) {
        this.db = Objects.requireNonNull(db);
        RenderedRead.Binds profile = db.binds();
        this.viewer = profile.string("viewer");
        this.owner = profile.string("other");
        this.profileWithBlocks = profile.render(
                db.dialect(),
                select(PublicProfileMapper.COLUMNS)
                        .select(
                                BlockSql.blocks(viewer.param(), USER_TABLE.USER_ID)
                                        .as("blocking"),
                                BlockSql.blocks(USER_TABLE.USER_ID, viewer.param())
                                        .as("blocked_by"))
                        .from(USER_TABLE)
                        .where(USER_TABLE.USER_ID.eq(owner.param())));
    }

    @Override
    public Optional<ProfileWithBlocks> profileWithBlocks(UserId viewer, UserId other) {
        return profileWithBlocks
                .fetchRows(
                        db.dsl(),
                        row -> new ProfileWithBlocks(
                                PublicProfileMapper.toPublicProfile(db.dsl(), row),
                                BlockSql.blockStatus(row, BLOCKING_COLUMN)),
                        this.viewer.to(viewer.value()),
                        owner.to(other.value()))
                .stream()
                .findFirst();
    }
}
