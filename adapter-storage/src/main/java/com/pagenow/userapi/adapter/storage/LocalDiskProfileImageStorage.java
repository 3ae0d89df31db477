package com.pagenow.userapi.adapter.storage;

import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.ProfileImageKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Dev mode's image store: files under {@code {home}/profile-images/}, and URLs that the service signs itself
 * (HMAC-SHA256 over method, key, content type and expiry, with a key kept in {@code {home}/storage-signing.key})
 * and serves on its own port, the way Rails Active Storage's disk service does. An upload URL accepts exactly the
 * headers an S3 presigned one is signed for: {@code Content-Type: image/{ext}} and {@code x-amz-acl: private}.
 */
public final class LocalDiskProfileImageStorage implements ProfileImageStorage, TransferLocalImageUseCase {

    static final String SIGNATURE_MISMATCH = "The request signature does not match";
    static final String EXPIRED = "Request has expired";
    static final String NO_SUCH_KEY = "The specified key does not exist";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final Path objects;
    private final byte[] signingKey;
    private final Supplier<URI> baseUrl;
    private final Clock clock;

    private LocalDiskProfileImageStorage(Path objects, byte[] signingKey, Supplier<URI> baseUrl, Clock clock) {
        this.objects = objects;
        this.signingKey = signingKey;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Opens the store in {@code home}, creating its folder and signing key on first use.
     *
     * @param baseUrl where the service listens ({@code http://127.0.0.1:8000}), asked each time a URL is made
     */
    public static LocalDiskProfileImageStorage open(Path home, Supplier<URI> baseUrl, Clock clock) {
        try {
            Path objects = Files.createDirectories(home.resolve("profile-images"));
            return new LocalDiskProfileImageStorage(
                    objects,
                    loadOrCreateKey(home.resolve("storage-signing.key")),
                    Objects.requireNonNull(baseUrl),
                    Objects.requireNonNull(clock));
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot open the image store in " + home, failed);
        }
    }

    @Override
    public URI uploadUrl(ProfileImageKey key, Duration lifetime) {
        return url(new Grant("PUT", key.value(), key.extension().contentType(), expiry(lifetime)));
    }

    @Override
    public URI downloadUrl(ProfileImageKey key, Duration lifetime) {
        return url(new Grant("GET", key.value(), key.extension().contentType(), expiry(lifetime)));
    }

    @Override
    public void delete(ProfileImageKey key) {
        try {
            Files.deleteIfExists(file(key.value()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void upload(String token, String contentType, String acl, InputStream body) {
        Grant grant = verify(token, "PUT");
        if (!grant.contentType().equals(contentType) || !"private".equals(acl)) {
            // What S3 answers when a request's headers are not the ones the URL was signed for.
            throw new ForbiddenException(SIGNATURE_MISMATCH);
        }
        Path target = file(grant.key());
        try {
            Path temporary = Files.createTempFile(objects, "upload-", ".part");
            try {
                try (InputStream limited = body) {
                    Files.copy(limited, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public StoredImage download(String token) {
        Grant grant = verify(token, "GET");
        try {
            return new StoredImage(Files.readAllBytes(file(grant.key())), grant.contentType());
        } catch (NoSuchFileException missing) {
            throw new NotFoundException(NO_SUCH_KEY);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private URI url(Grant grant) {
        String payload = B64.encodeToString(grant.encode().getBytes(StandardCharsets.UTF_8));
        String base = baseUrl.get().toString().replaceAll("/+$", "");
        return URI.create(base + PATH + payload + "." + B64.encodeToString(sign(payload)));
    }

    private Grant verify(String token, String method) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new ForbiddenException(SIGNATURE_MISMATCH);
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        Grant grant;
        try {
            signature = B64_DECODE.decode(token.substring(dot + 1));
            grant = Grant.decode(new String(B64_DECODE.decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            throw new ForbiddenException(SIGNATURE_MISMATCH);
        }
        if (!MessageDigest.isEqual(sign(payload), signature) || !grant.method().equals(method)) {
            throw new ForbiddenException(SIGNATURE_MISMATCH);
        }
        if (clock.instant().getEpochSecond() > grant.expiresAt()) {
            throw new ForbiddenException(EXPIRED);
        }
        return grant;
    }

    /** One object per key, in a file whose name encodes the key: no key can reach outside the folder. */
    private Path file(String key) {
        return objects.resolve(B64.encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }

    private long expiry(Duration lifetime) {
        return Instant.now(clock).plus(lifetime).getEpochSecond();
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(signingKey, HMAC));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] loadOrCreateKey(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = B64_DECODE.decode(Files.readString(file).strip());
            if (key.length >= 32) {
                return key;
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), "storage-signing", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        Files.writeString(temporary, B64.encodeToString(key));
        move(temporary, file);
        return key;
    }

    /** What a signed URL allows: one method on one key, with one content type, until an instant (epoch seconds). */
    record Grant(String method, String key, String contentType, long expiresAt) {

        String encode() {
            return method + "\n" + key + "\n" + contentType + "\n" + expiresAt;
        }

        static Grant decode(String encoded) {
            String[] parts = encoded.split("\n", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("not a grant");
            }
            try {
                return new Grant(parts[0], parts[1], parts[2], Long.parseLong(parts[3]));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(notANumber);
            }
        }
    }
}
