package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;

/**
 * Reads the graph of accepted friendships that {@link FriendshipRepository} stores: friend lists, mutual friends,
 * relationships and suggestions. Every list is one query; names sort by first name, then last name, then user id.
 */
public interface FriendGraph {

    /**
     * A page of the accepted friends of {@code user}, each with how {@code viewer} stands toward them; without
     * those a block separates from {@code viewer}, either way.
     *
     * @param user whose friends
     * @param viewer who looks
     * @param page which page
     * @return the friends
     */
    List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page);

    /**
     * How many accepted friends {@code user} has that {@link #friendsOf} lists for {@code viewer}: without those a
     * block separates from {@code viewer}, either way. A count that took them in would tell a blocked viewer that
     * the blocker exists, to whom the blocker must look like an unknown id (API.md, "Blocks").
     *
     * @param user whose friends
     * @param viewer who looks
     * @return the number of accepted friends the viewer may see
     */
    long countFriends(UserId user, UserId viewer);

    /**
     * A page of the accepted friends {@code viewer} and {@code other} share, each with status friends.
     *
     * @param viewer who looks
     * @param other the other user
     * @param page which page
     * @return the shared friends
     */
    List<UserSummary> mutualFriends(UserId viewer, UserId other, PageRequest page);

    /**
     * How many accepted friends {@code a} and {@code b} share.
     *
     * @param a one user
     * @param b the other user
     * @return the number of shared accepted friends
     */
    long countMutualFriends(UserId a, UserId b);

    /**
     * Every accepted friend of {@code user}, each with status friends.
     *
     * @param user whose friends
     * @return all of them
     */
    List<UserSummary> allFriends(UserId user);

    /**
     * How {@code viewer} stands toward each of {@code ids} that exists, in the order given, in one query: status,
     * the relationship's times, the number of shared accepted friends, and whether {@code viewer} blocks them. A
     * user who blocks {@code viewer} is left out, as an unknown id is ({@code BlockStatus#maySeeProfile}, applied to
     * every row in the same query rather than in a read of its own).
     *
     * @param viewer who looks
     * @param ids the users asked about
     * @return one relationship per existing user
     */
    List<Relationship> relationships(UserId viewer, List<UserId> ids);

    /**
     * A page of the friends of {@code viewer}'s friends who are not {@code viewer}, have no relationship with them
     * and no block either way, as summaries with status none and the number of friends they share with
     * {@code viewer}; by that number descending, then user id descending. One query.
     *
     * @param viewer who the suggestions are for
     * @param page which page
     * @return the suggestions
     */
    List<UserSummary> suggestions(UserId viewer, PageRequest page);
}
