package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.storage.S3StorageSettings;

import java.net.URI;
import java.util.Optional;

/**
 * Reads the storage adapter's one settings type, {@link S3StorageSettings}, from the environment: the S3 bucket of
 * profile images, its region, and optionally an S3-compatible server to use instead of AWS.
 */
final class StorageConfig {

    private StorageConfig() {}

    static S3StorageSettings from(Environment env) {
        String bucket = env.require(
                "PROFILE_IMAGE_BUCKET_NAME",
                "the S3 bucket that holds profile images (the task role needs s3:PutObject, s3:GetObject and "
                        + "s3:DeleteObject on its objects)");
        String region = env.first("AWS_REGION_NAME", "AWS_REGION")
                .orElseThrow(
                        () -> new ConfigException("AWS_REGION_NAME is not set: the AWS region of bucket " + bucket));
        Optional<String> endpoint = env.get("S3_ENDPOINT_URL");
        return new S3StorageSettings(
                bucket, region, endpoint.map(StorageConfig::endpoint).orElse(null));
    }

    private static URI endpoint(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException notAUrl) {
            throw new ConfigException(
                    "S3_ENDPOINT_URL must be an http(s) URL such as http://127.0.0.1:4568, got '" + value + "'");
        }
    }
}
