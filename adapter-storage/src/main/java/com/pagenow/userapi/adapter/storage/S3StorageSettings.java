package com.pagenow.userapi.adapter.storage;

import java.net.URI;
import java.util.Objects;

/**
 * The bucket profile images live in and its region; {@code endpoint} (may be null) points at an S3-compatible
 * server instead of AWS, addressed path-style ({@code http://host:port/bucket/key}).
 */
public record S3StorageSettings(String bucket, String region, URI endpoint) {

    public S3StorageSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
    }

    /**
     * The bucket on AWS itself.
     *
     * @param bucket the bucket profile images live in
     * @param region its AWS region
     * @return the settings, to refine with {@link #withEndpoint}
     */
    public static S3StorageSettings forBucket(String bucket, String region) {
        return new S3StorageSettings(bucket, region, null);
    }

    /**
     * These settings on an S3-compatible server instead of AWS.
     *
     * @param server the server's http(s) URL, or null for AWS
     * @return the new settings
     */
    public S3StorageSettings withEndpoint(URI server) {
        return new S3StorageSettings(bucket, region, server);
    }
}
