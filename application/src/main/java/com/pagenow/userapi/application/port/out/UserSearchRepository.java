package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;

/**
 * Finds users by a case-insensitive, literal match of a {@link SearchText} on their full name or e-mail address,
 * each with the viewer's friendship status and the number of accepted friends the viewer shares with them. The
 * viewer is never in the results. Every call is one query.
 */
public interface UserSearchRepository {

    /**
     * A page of the matching users, ranked: friendship state (friends, pending, none) descending, mutual friend
     * count descending, match score descending (3 the field starts with the text, 2 ends with it, 1 contains it),
     * user id descending.
     *
     * @param viewer who searches
     * @param field what to search
     * @param text the text
     * @param page which page
     * @return the matching users
     */
    List<UserSummary> search(UserId viewer, SearchField field, SearchText text, PageRequest page);

    /**
     * A page of the viewer's accepted friends whose field contains the text, or, when {@code exact}, equals it
     * ignoring case; ranked as {@link #search}.
     *
     * @param viewer who searches
     * @param field what to search
     * @param text the text
     * @param exact whether the field must equal the text
     * @param page which page
     * @return the matching friends
     */
    List<UserSummary> searchFriends(UserId viewer, SearchField field, SearchText text, boolean exact, PageRequest page);
}
