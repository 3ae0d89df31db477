package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Dev mode's own token issuer: an RSA key created on first start and kept in a file, which mints Cognito-shaped ID
 * tokens for any user and verifies them with the same rules as {@link CognitoTokenVerifier}. Not for production: anyone
 * who can read the key file can sign in as anyone.
 */
public final class LocalSigningKey {

    public static final String DEV_ISSUER = "http://127.0.0.1/dev";
    public static final String DEV_CLIENT_ID = "user-api-dev";
    public static final String KEY_FILE_NAME = "dev-signing-key.json";

    static final CognitoSettings DEV_SETTINGS = CognitoSettings.forPool("local", "dev")
            .withIssuer(DEV_ISSUER)
            .withJwksUrl(URI.create(DEV_ISSUER + "/.well-known/jwks.json"))
            .withAppClientIds(Set.of(DEV_CLIENT_ID));

    private static final Logger LOG = LoggerFactory.getLogger(LocalSigningKey.class);
    private static final int KEY_SIZE = 2048;

    private final RSAKey key;
    private final Path file;
    private final Clock clock;

    private LocalSigningKey(RSAKey key, Path file, Clock clock) {
        this.key = key;
        this.file = file;
        this.clock = clock;
    }

    /** Loads the key from {@code dir/dev-signing-key.json}, creating the directory and the key on first use. */
    public static LocalSigningKey loadOrCreate(Path dir) {
        return loadOrCreate(dir, Clock.systemUTC());
    }

    static LocalSigningKey loadOrCreate(Path dir, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        Path file = dir.resolve(KEY_FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new LocalSigningKey(read(file), file, clock);
            }
            Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
            RSAKey created = generate();
            if (!writeNew(file, created)) {
                // Another process created it first: use theirs so both sign with the same key.
                return new LocalSigningKey(read(file), file, clock);
            }
            LOG.info("Created dev signing key {} in {}", created.getKeyID(), file);
            return new LocalSigningKey(created, file, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot load or create the dev signing key " + file + ": " + e.getMessage(), e);
        }
    }

    /** A signed ID token for {@code userId} (also its {@code cognito:username}), valid for {@code ttl} from now. */
    public String mintToken(String userId, String email, Duration ttl) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .claim(CognitoClaimsVerifier.ID_TOKEN_USERNAME, userId)
                .issuer(DEV_ISSUER)
                .audience(DEV_CLIENT_ID)
                .claim(CognitoClaimsVerifier.TOKEN_USE, CognitoSettings.ID_TOKEN)
                .claim(CognitoClaimsVerifier.AUTH_TIME, now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (email != null) {
            claims.claim(CognitoClaimsVerifier.EMAIL, email).claim(CognitoClaimsVerifier.EMAIL_VERIFIED, true);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the dev signing key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** A verifier that trusts only this key. */
    public TokenVerifier verifier() {
        return new LocalKeyTokenVerifier(key, clock);
    }

    public String keyId() {
        return key.getKeyID();
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        // Never the key itself: RSAKey.toString() prints the private parts.
        return "LocalSigningKey[kid=" + key.getKeyID() + ", file=" + file + "]";
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            if (JWK.parse(json) instanceof RSAKey rsa && rsa.isPrivate()) {
                return rsa;
            }
        } catch (ParseException | RuntimeException e) {
            // reported below, with the fix
        }
        throw new IllegalStateException("Dev signing key file " + file
                + " is not an RSA private key in JWK form; delete it to have a new key created");
    }

    /** Writes the key owner-only; false if the file appeared meanwhile. */
    private static boolean writeNew(Path file, RSAKey created) throws IOException {
        Path dir = file.getParent();
        Path temp = Files.createTempFile(dir, ".dev-signing-key", ".tmp", ownerOnly(dir, "rw-------"));
        try {
            if (!supportsPosix(dir)) {
                restrictToOwner(temp);
            }
            Files.writeString(temp, created.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path, String permissions) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !supportsPosix(existing)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }

    private static boolean supportsPosix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView("posix");
    }

    @SuppressWarnings("ResultOfMethodCallIgnored")
    private static void restrictToOwner(Path path) {
        var file = path.toFile();
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
    }
}
