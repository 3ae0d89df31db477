package com.pagenow.userapi.adapter.storage;

import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.application.port.out.ProfileImageStorage;
import com.pagenow.userapi.domain.user.ProfileImageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@link ProfileImageStorage} on an S3 bucket: SigV4 presigned URLs from the SDK's {@link S3Presigner} (no network
 * needed, beyond fetching credentials), deletes through {@link S3Client}. Credentials come from the default chain
 * (environment, system properties, profile, the ECS task role).
 */
public final class S3ProfileImageStorage implements ProfileImageStorage, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3ProfileImageStorage.class);
    private static final String UNAVAILABLE = "Profile image storage is unavailable";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private final String bucket;
    private final S3Presigner presigner;
    private final S3Client client;
    private final AwsCredentialsProvider credentials;

    private S3ProfileImageStorage(
            String bucket, S3Presigner presigner, S3Client client, AwsCredentialsProvider credentials) {
        this.bucket = bucket;
        this.presigner = presigner;
        this.client = client;
        this.credentials = credentials;
    }

    /** Builds the clients; nothing is fetched until the first URL is signed or object deleted. */
    public static S3ProfileImageStorage create(S3StorageSettings settings) {
        return create(settings, DefaultCredentialsProvider.builder().build());
    }

    static S3ProfileImageStorage create(S3StorageSettings settings, AwsCredentialsProvider credentials) {
        Region region = Region.of(settings.region());
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.endpoint() != null)
                        .build());
        S3ClientBuilder client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(settings.endpoint() != null)
                // A checksum header on every request is the SDK's default since 2.30; not every S3-compatible
                // server knows it, and a delete needs none.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .build());
        if (settings.endpoint() != null) {
            presigner.endpointOverride(settings.endpoint());
            client.endpointOverride(settings.endpoint());
        }
        return new S3ProfileImageStorage(settings.bucket(), presigner.build(), client.build(), credentials);
    }

    @Override
    public URI uploadUrl(ProfileImageKey key, Duration lifetime) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key.value())
                .contentType(key.extension().contentType())
                .acl(ObjectCannedACL.PRIVATE)
                .build();
        return call(
                "sign an upload URL",
                () -> toUri(presigner
                        .presignPutObject(PutObjectPresignRequest.builder()
                                .signatureDuration(lifetime)
                                .putObjectRequest(put)
                                .build())
                        .url()));
    }

    @Override
    public URI downloadUrl(ProfileImageKey key, Duration lifetime) {
        GetObjectRequest get =
                GetObjectRequest.builder().bucket(bucket).key(key.value()).build();
        return call(
                "sign a download URL",
                () -> toUri(presigner
                        .presignGetObject(GetObjectPresignRequest.builder()
                                .signatureDuration(lifetime)
                                .getObjectRequest(get)
                                .build())
                        .url()));
    }

    @Override
    public void delete(ProfileImageKey key) {
        call(
                "delete " + key.value(),
                () -> client.deleteObject(request -> request.bucket(bucket).key(key.value())));
    }

    /**
     * A {@code HeadObject} for the size, and a {@code DeleteObject} when it is over {@code maxBytes}. In the versioned
     * bucket the delete leaves a delete marker; the large version goes with the bucket's noncurrent-version expiry.
     *
     * @param key the object's key
     * @param maxBytes the largest size an object may have, in bytes
     * @return whether the object was there, larger than {@code maxBytes}, and is now deleted
     */
    @Override
    public boolean deleteIfLargerThan(ProfileImageKey key, long maxBytes) {
        Long size = call("check the size of " + key.value(), () -> {
            try {
                return client.headObject(request -> request.bucket(bucket).key(key.value()))
                        .contentLength();
            } catch (S3Exception absent) {
                if (absent.statusCode() == 404) {
                    return null;
                }
                throw absent;
            }
        });
        if (size == null || size <= maxBytes) {
            return false;
        }
        LOG.info("Deleting {}: {} bytes, more than the {} an upload may store", key.value(), size, maxBytes);
        delete(key);
        return true;
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException failed) {
            // The SDK's message names the bucket and the cause, never the credentials.
            LOG.warn("Could not {} in bucket {}: {}", what, bucket, failed.getMessage());
            throw new ProfileImageStorageUnavailableException(UNAVAILABLE, failed);
        }
    }

    private static URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Only a background credential refresh is stopped here.
            }
        }
    }
}
