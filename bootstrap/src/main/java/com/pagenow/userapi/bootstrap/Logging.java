package com.pagenow.userapi.bootstrap;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** The application module logs with java.util.logging (it depends on the JDK only); those lines go to logback. */
final class Logging {

    private Logging() {}

    static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
