package com.pagenow.userapi.adapter.storage.archfixture;

import com.pagenow.userapi.adapter.persistence.Persistence;

/** Planted violation (test fixture only): the storage adapter using the persistence adapter. */
public class StorageUsingPersistence {

    public boolean up(Persistence persistence) {
        return persistence.isDatabaseUp();
    }
}
