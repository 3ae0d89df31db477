package com.pagenow.userapi.adapter.storage.archfixture;

import com.pagenow.userapi.application.service.BlockService;

/** Planted violation: an adapter reaching for an application service instead of a port. */
public class StorageUsingService {

    public String describe(BlockService hiding) {
        return hiding.toString();
    }
}
