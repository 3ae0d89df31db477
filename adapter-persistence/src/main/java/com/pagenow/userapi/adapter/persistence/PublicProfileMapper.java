package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.records.UserTableRecord;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.PublicProfile;
import com.pagenow.userapi.domain.user.UserId;
import com.pagenow.userapi.domain.user.Visibility;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;

/**
 * The public-profile shape of {@code user_table}: one column list and one mapping for every statement that reads
 * what anyone else may see of a profile, and the profile parts {@link JooqUserRepository} maps whole rows with.
 */
final class PublicProfileMapper {

    /**
     * The columns of what anyone else may see of a profile ({@link #toPublicProfile}): all but the sharing settings
     * and the creation time. The domain lists are most of a row (the old service's defaults alone are about 120
     * host names), and decoding them was the largest allocation of a public profile read (JFR, issue 14).
     */
    static final List<Field<?>> COLUMNS;

    static {
        Set<Field<?>> notShown = Set.of(
                USER_TABLE.SHARE_MODE,
                USER_TABLE.DOMAIN_ALLOW_ARRAY,
                USER_TABLE.DOMAIN_DENY_ARRAY,
                USER_TABLE.CREATED_AT);
        COLUMNS = Arrays.stream(USER_TABLE.fields())
                .filter(column -> !notShown.contains(column))
                .toList();
    }

    private static final int[] COLUMN_AT =
            COLUMNS.stream().mapToInt(USER_TABLE::indexOf).toArray();

    private PublicProfileMapper() {}

    /**
     * A row whose leading columns are {@link #COLUMNS} as the public view of its profile: the same as
     * {@code JooqUserRepository.toUser(row).publicView()} of the whole row.
     */
    static PublicProfile toPublicProfile(DSLContext dsl, Object[] row) {
        Object[] columns = new Object[USER_TABLE.fieldsRow().size()]; // the columns not selected stay null, unread
        for (int at = 0; at < COLUMN_AT.length; at++) {
            columns[COLUMN_AT[at]] = row[at];
        }
        UserTableRecord record = dsl.newRecord(USER_TABLE);
        record.fromArray(columns);
        UserId id = UserId.of(record.getUserId());
        return PublicProfile.of(
                id,
                JooqUserRepository.storedEmail(record.getEmail(), id),
                JooqUserRepository.storedName(record.getFirstName()),
                JooqUserRepository.storedName(record.getLastName()),
                details(record),
                visibility(record),
                image(record));
    }

    static ProfileDetails details(UserTableRecord row) {
        return new ProfileDetails(
                new ProfileText(row.getDescription()),
                row.getDob(),
                new ProfileText(row.getGender()),
                new ProfileText(row.getSchool()),
                new ProfileText(row.getWork()),
                new ProfileText(row.getLocation()));
    }

    static Visibility visibility(UserTableRecord row) {
        return new Visibility(
                isTrue(row.getEmailPublic()),
                isTrue(row.getDobPublic()),
                isTrue(row.getGenderPublic()),
                isTrue(row.getSchoolPublic()),
                isTrue(row.getWorkPublic()),
                isTrue(row.getLocationPublic()));
    }

    static ProfileImage image(UserTableRecord row) {
        return new ProfileImage(row.getProfileImageUploadedAt(), row.getProfileImageExtension());
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
