package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.NotFoundException;

import java.time.Instant;
import java.util.Objects;

/**
 * A user profile. Created by {@link #register}, loaded by {@link #reconstitute}, changed by the {@code with...}
 * methods, each of which returns a new profile.
 */
public record User(
        UserId id,
        Email email,
        PersonName firstName,
        PersonName lastName,
        ProfileDetails details,
        Visibility visibility,
        SharingSettings sharing,
        ProfileImage profileImage,
        Instant createdAt) {

    /**
     * Checks that every part of the profile is given.
     *
     * @param id the user
     * @param email the e-mail address
     * @param firstName the first name
     * @param lastName the last name
     * @param details the details
     * @param visibility which fields are public
     * @param sharing the sharing settings
     * @param profileImage the profile image fields
     * @param createdAt when the profile was created
     */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(profileImage, "profileImage");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static final String NOT_FOUND = "User not found";
    static final String ALREADY_EXISTS = "User already exists";
    static final String EMAIL_TAKEN = "Email already in use";

    /**
     * No profile with that id (or the caller has not created theirs yet).
     *
     * @return the exception to throw
     */
    public static NotFoundException notFound() {
        return new NotFoundException(NOT_FOUND);
    }

    /**
     * The caller already has a profile: one per user id.
     *
     * @return the exception to throw
     */
    public static ConflictException alreadyExists() {
        return new ConflictException(ALREADY_EXISTS);
    }

    /**
     * Another profile has this e-mail address: e-mails are unique.
     *
     * @return the exception to throw
     */
    public static ConflictException emailTaken() {
        return new ConflictException(EMAIL_TAKEN);
    }

    /**
     * A new profile: everything private, sharing off, the default domain lists.
     *
     * @param id the user
     * @param email the e-mail address
     * @param firstName the first name
     * @param lastName the last name
     * @param details the details
     * @param now when
     * @return the new profile
     */
    public static User register(
            UserId id, Email email, PersonName firstName, PersonName lastName, ProfileDetails details, Instant now) {
        return new User(
                id,
                email,
                firstName,
                lastName,
                details,
                Visibility.ALL_PRIVATE,
                SharingSettings.DEFAULTS,
                ProfileImage.NONE,
                now);
    }

    /**
     * A profile as stored; nothing is defaulted.
     *
     * @param id the user
     * @param email the e-mail address
     * @param firstName the first name
     * @param lastName the last name
     * @param details the details
     * @param visibility which fields are public
     * @param sharing the sharing settings
     * @param profileImage the profile image fields
     * @param createdAt when the profile was created
     * @return the profile
     */
    public static User reconstitute(
            UserId id,
            Email email,
            PersonName firstName,
            PersonName lastName,
            ProfileDetails details,
            Visibility visibility,
            SharingSettings sharing,
            ProfileImage profileImage,
            Instant createdAt) {
        return new User(id, email, firstName, lastName, details, visibility, sharing, profileImage, createdAt);
    }

    /**
     * Replaces every editable field; the e-mail is re-synced from the identity provider.
     *
     * @param currentEmail the e-mail address the token vouches for now
     * @param newFirstName the first name
     * @param newLastName the last name
     * @param newDetails the details
     * @param newVisibility which fields are public
     * @param newSharing the sharing settings
     * @return the updated profile
     */
    public User withProfile(
            Email currentEmail,
            PersonName newFirstName,
            PersonName newLastName,
            ProfileDetails newDetails,
            Visibility newVisibility,
            SharingSettings newSharing) {
        return new User(
                id,
                currentEmail,
                newFirstName,
                newLastName,
                newDetails,
                newVisibility,
                newSharing,
                profileImage,
                createdAt);
    }

    /**
     * The same profile with its {@code kind} host-name list replaced by {@code list}.
     *
     * @param kind which list
     * @param list the new list
     * @return the updated profile
     */
    public User withDomainList(SharingSettings.ListKind kind, DomainList list) {
        return new User(
                id,
                email,
                firstName,
                lastName,
                details,
                visibility,
                sharing.withList(kind, list),
                profileImage,
                createdAt);
    }

    /**
     * What anyone else may see of this profile ({@link PublicProfile#of}).
     *
     * @return the public view
     */
    public PublicProfile publicView() {
        return PublicProfile.of(id, email, firstName, lastName, details, visibility, profileImage);
    }
}
