/**
 * The user-api use cases and the ports they need; depends on the domain and the Bean Validation API only.
 *
 * <p>The published API is what this module exports: the inbound ports ({@code port.in}, one package per feature:
 * the {@code ...UseCase} interfaces with their commands and queries; the caller they all take in {@code port.in}
 * itself), the outbound ports an adapter implements ({@code port.out}), the failures a use case may throw
 * ({@code error}), the read models they return ({@code readmodel}), and the services ({@code service}) that
 * implement the inbound ports, which a service bringing its own adapters constructs. {@code validation} is
 * internal.
 *
 * <p>Open, because Bean Validation reads the constraints of the commands and queries and of the inputs a user id is
 * sent with ({@code validation.SentUserId}) reflectively.
 */
open module com.pagenow.userapi.application {
    requires transitive com.pagenow.userapi.domain;
    requires transitive jakarta.validation;
    requires java.logging;

    exports com.pagenow.userapi.application.error;
    exports com.pagenow.userapi.application.port.in;
    exports com.pagenow.userapi.application.port.in.account;
    exports com.pagenow.userapi.application.port.in.block;
    exports com.pagenow.userapi.application.port.in.event;
    exports com.pagenow.userapi.application.port.in.friendship;
    exports com.pagenow.userapi.application.port.in.search;
    exports com.pagenow.userapi.application.port.in.share;
    exports com.pagenow.userapi.application.port.in.user;
    exports com.pagenow.userapi.application.port.out;
    exports com.pagenow.userapi.application.readmodel;
    exports com.pagenow.userapi.application.service;
}
