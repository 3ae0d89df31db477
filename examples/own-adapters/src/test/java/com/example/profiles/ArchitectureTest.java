package com.example.profiles;

import com.pagenow.userapi.architecture.HexagonArchitecture;
import org.junit.jupiter.api.Test;

/** This service's adapters follow user-api's hexagon, checked with the published rules. */
class ArchitectureTest {

    @Test
    void adaptersFollowTheHexagon() {
        HexagonArchitecture.checkAdaptersOf("com.example.profiles");
    }
}
