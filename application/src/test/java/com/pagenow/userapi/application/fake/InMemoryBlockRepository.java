package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ProfileWithBlocks;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link BlockRepository} in memory, and the {@link PublicProfiles} read it joins with the users, for service
 * tests; their contract tests keep it honest.
 */
public class InMemoryBlockRepository implements BlockRepository, PublicProfiles {

    private final Map<List<UserId>, Block> blocks = new LinkedHashMap<>();
    private final InMemoryUserRepository users;
    private int pairLocks;

    public InMemoryBlockRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized boolean insert(Block block) {
        return blocks.putIfAbsent(List.of(block.blocker(), block.blocked()), block) == null;
    }

    @Override
    public synchronized boolean delete(UserId blocker, UserId blocked) {
        return blocks.remove(List.of(blocker, blocked)) != null;
    }

    @Override
    public synchronized BlockStatus between(UserId viewer, UserId other) {
        return new BlockStatus(blocks.containsKey(List.of(viewer, other)), blocks.containsKey(List.of(other, viewer)));
    }

    @Override
    public synchronized Optional<ProfileWithBlocks> profileWithBlocks(UserId viewer, UserId other) {
        return users.findById(other)
                .map(profile -> new ProfileWithBlocks(profile.publicView(), between(viewer, other)));
    }

    @Override
    public synchronized Set<UserId> blockersOf(UserId viewer, Collection<UserId> among) {
        return among.stream()
                .filter(id -> blocks.containsKey(List.of(id, viewer)))
                .collect(Collectors.toSet());
    }

    @Override
    public synchronized List<BlockedUser> blockedBy(UserId blocker, PageRequest page) {
        return blocks.values().stream()
                .filter(block -> block.blocker().equals(blocker))
                .sorted(Comparator.comparing(Block::blockedAt)
                        .reversed()
                        .thenComparing(block -> block.blocked().value(), Comparator.reverseOrder()))
                .skip(page.offset())
                .limit(page.limit())
                .map(block -> new BlockedUser(summary(block.blocked()), block.blockedAt()))
                .toList();
    }

    @Override
    public synchronized void lockPair(UserId a, UserId b) {
        pairLocks++;
    }

    /** Whether a block stands between the two, either way. */
    public synchronized boolean separates(UserId a, UserId b) {
        return between(a, b).separates();
    }

    /** How many times a pair was locked: the services must lock before they decide. */
    public synchronized int pairLocks() {
        return pairLocks;
    }

    public synchronized List<Block> all() {
        return List.copyOf(blocks.values());
    }

    private UserSummary summary(UserId id) {
        User user = users.findById(id).orElseThrow(() -> new IllegalStateException("no user " + id + " in the fake"));
        return new UserSummary(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.details().description(),
                user.profileImage(),
                FriendshipStatus.NONE,
                null);
    }
}
