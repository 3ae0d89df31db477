/** The user-api domain: plain Java, no dependencies beyond the JDK. */
module com.pagenow.userapi.domain {
    exports com.pagenow.userapi.domain.error;
    exports com.pagenow.userapi.domain.user;
    exports com.pagenow.userapi.domain.friendship;
    exports com.pagenow.userapi.domain.notification;
    exports com.pagenow.userapi.domain.text;
}
