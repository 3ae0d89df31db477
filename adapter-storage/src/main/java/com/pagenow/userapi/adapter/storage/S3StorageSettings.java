package com.pagenow.userapi.adapter.storage;

import java.net.URI;
import java.util.Objects;

/**
 * The bucket profile images live in and its region; {@code endpoint} points at an S3-compatible server instead of
 * AWS (null: AWS itself), addressed path-style ({@code http://host:port/bucket/key}).
 */
public record S3StorageSettings(String bucket, String region, URI endpoint) {

    public S3StorageSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
    }
}
