package com.pagenow.userapi.adapter.rest.archfixture;

import com.pagenow.userapi.adapter.storage.S3StorageSettings;

/** Planted violation (test fixture only): the REST adapter reaching into the storage adapter and the AWS SDK. */
public class RestUsingStorageAdapter {

    public String bucket(S3StorageSettings settings) {
        return settings.bucket() + software.amazon.awssdk.regions.Region.US_WEST_2;
    }
}
