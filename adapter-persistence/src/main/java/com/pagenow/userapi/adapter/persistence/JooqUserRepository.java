package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.RenderedRead;
import com.pagenow.userapi.adapter.persistence.jdbc.SqlStates;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.records.UserTableRecord;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.user.DomainList;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.SharingSettings;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

/** {@link UserRepository} on {@code user_table}. */
final class JooqUserRepository implements UserRepository {

    /**
     * Shown for a first or last name that legacy data holds blank: the old service stored names unchecked, and
     * the profile must stay readable. The owner replaces it on the next profile edit.
     */
    static final String BLANK_LEGACY_NAME = "?";

    private final JooqContext db;
    /** The profile read of every {@code /users/me} and {@code /users/id/{id}}, rendered once. */
    private final RenderedRead findById;

    private final RenderedRead.Bind<String> userId;

    JooqUserRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
        RenderedRead.Binds binds = db.binds();
        this.userId = binds.string("user_id");
        this.findById =
                binds.render(db.dialect(), DSL.selectFrom(USER_TABLE).where(USER_TABLE.USER_ID.eq(userId.param())));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findById.fetchInto(db.dsl(), USER_TABLE, userId.to(id.value())).stream()
                .findFirst()
                .map(JooqUserRepository::toUser);
    }

    @Override
    public List<User> findAllByIds(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = ids.stream().map(UserId::value).distinct().toList();
        return db.dsl()
                .selectFrom(USER_TABLE)
                .where(USER_TABLE.USER_ID.in(values))
                .fetch(JooqUserRepository::toUser);
    }

    @Override
    public boolean exists(UserId id) {
        return exists(db.dsl(), id);
    }

    @Override
    public void insert(User user) {
        DSLContext dsl = db.dsl();
        int inserted = Inserts.ignoringDuplicates(
                dsl.insertInto(USER_TABLE).set(toRecord(user)).onConflictDoNothing());
        if (inserted == 0) {
            throw exists(dsl, user.id()) ? User.alreadyExists() : User.emailTaken();
        }
    }

    @Override
    public void update(User user) {
        DSLContext dsl = db.dsl();
        UserTable other = USER_TABLE.as("other_user");
        UserTableRecord changes = toRecord(user);
        changes.changed(USER_TABLE.USER_ID, false);
        changes.changed(USER_TABLE.CREATED_AT, false);
        // The image fields have their own writers (recordProfileImage, the sibling services): never undo them.
        changes.changed(USER_TABLE.PROFILE_IMAGE_UPLOADED_AT, false);
        changes.changed(USER_TABLE.PROFILE_IMAGE_EXTENSION, false);
        int updated;
        try {
            updated = dsl.update(USER_TABLE)
                    .set(changes)
                    .where(USER_TABLE.USER_ID.eq(user.id().value()))
                    .and(notExists(selectOne()
                            .from(other)
                            .where(other.EMAIL.eq(user.email().value()))
                            .and(other.USER_ID.ne(user.id().value()))))
                    .execute();
        } catch (DataAccessException e) {
            // Another profile took the e-mail between our check and our write.
            if (SqlStates.isUniqueViolation(e)) {
                throw User.emailTaken();
            }
            throw e;
        }
        if (updated == 0) {
            if (!exists(dsl, user.id())) {
                throw User.notFound();
            }
            throw User.emailTaken();
        }
    }

    @Override
    public boolean recordProfileImage(UserId id, ProfileImage image) {
        return db.dsl()
                        .update(USER_TABLE)
                        .set(USER_TABLE.PROFILE_IMAGE_UPLOADED_AT, image.uploadedAt())
                        .set(USER_TABLE.PROFILE_IMAGE_EXTENSION, image.extension())
                        .where(USER_TABLE.USER_ID.eq(id.value()))
                        .execute()
                > 0;
    }

    @Override
    public void clearProfileImage(UserId id, String expectedExtension) {
        db.dsl()
                .update(USER_TABLE)
                .setNull(USER_TABLE.PROFILE_IMAGE_UPLOADED_AT)
                .setNull(USER_TABLE.PROFILE_IMAGE_EXTENSION)
                .where(USER_TABLE.USER_ID.eq(id.value()))
                .and(USER_TABLE.PROFILE_IMAGE_EXTENSION.isNotDistinctFrom(expectedExtension))
                .execute();
    }

    private static boolean exists(DSLContext dsl, UserId id) {
        return dsl.fetchExists(selectOne().from(USER_TABLE).where(USER_TABLE.USER_ID.eq(id.value())));
    }

    private static UserTableRecord toRecord(User user) {
        UserTableRecord record = new UserTableRecord();
        record.setUserId(user.id().value());
        record.setEmail(user.email().value());
        record.setFirstName(user.firstName().value());
        record.setLastName(user.lastName().value());
        record.setCreatedAt(user.createdAt());

        ProfileDetails details = user.details();
        record.setDescription(details.description().value());
        record.setDob(details.dob());
        record.setGender(details.gender().value());
        record.setSchool(details.school().value());
        record.setWork(details.work().value());
        record.setLocation(details.location().value());

        Visibility visibility = user.visibility();
        record.setEmailPublic(visibility.emailPublic());
        record.setDobPublic(visibility.dobPublic());
        record.setGenderPublic(visibility.genderPublic());
        record.setSchoolPublic(visibility.schoolPublic());
        record.setWorkPublic(visibility.workPublic());
        record.setLocationPublic(visibility.locationPublic());

        SharingSettings sharing = user.sharing();
        record.setShareMode(sharing.shareMode().code());
        record.setDomainAllowArray(sharing.allowList().values().toArray(String[]::new));
        record.setDomainDenyArray(sharing.denyList().values().toArray(String[]::new));

        record.setProfileImageUploadedAt(user.profileImage().uploadedAt());
        record.setProfileImageExtension(user.profileImage().extension());
        return record;
    }

    /**
     * A stored row as a profile. Never throws for a row the old service (or a sibling's fixture) could have
     * written: such data was stored unchecked, so odd values are read leniently (see the helpers below).
     */
    static User toUser(UserTableRecord row) {
        UserId id = UserId.of(row.getUserId());
        return User.reconstitute(
                id,
                storedEmail(row.getEmail(), id),
                storedName(row.getFirstName()),
                storedName(row.getLastName()),
                PublicProfileMapper.details(row),
                PublicProfileMapper.visibility(row),
                new SharingSettings(
                        storedShareMode(row.getShareMode()),
                        DomainList.reconstitute(row.getDomainAllowArray()),
                        DomainList.reconstitute(row.getDomainDenyArray())),
                PublicProfileMapper.image(row),
                row.getCreatedAt());
    }

    /** Blank names become {@link #BLANK_LEGACY_NAME}; names over the limit are cut to it. */
    static PersonName storedName(String stored) {
        String name = stored == null ? "" : stored.strip();
        if (name.isEmpty()) {
            return PersonName.of(BLANK_LEGACY_NAME);
        }
        if (name.codePointCount(0, name.length()) > PersonName.MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, PersonName.MAX_LENGTH))
                    .strip();
        }
        return PersonName.of(name);
    }

    /** Anything but {@code default_all} shares nothing: the safe reading of an unknown legacy value. */
    static ShareMode storedShareMode(String stored) {
        return stored != null
                        && ShareMode.DEFAULT_ALL.code().equals(stored.strip().toLowerCase(Locale.ROOT))
                ? ShareMode.DEFAULT_ALL
                : ShareMode.DEFAULT_NONE;
    }

    /**
     * The e-mail came from the identity provider, but sibling fixtures may store anything. An unusable value reads
     * as a unique placeholder in the reserved {@code .invalid} domain; the next profile edit re-syncs the e-mail
     * from the token.
     */
    static Email storedEmail(String stored, UserId id) {
        try {
            return Email.of(stored);
        } catch (InvalidValueException legacyValue) {
            return Email.of(id.value().replace('@', '_') + "@unknown-email.invalid");
        }
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
