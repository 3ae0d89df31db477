/**
 * The user-api use cases and the ports they need; depends on the domain and the Bean Validation API only.
 *
 * <p>The published API is what this module exports: the inbound ports ({@code port.in}: the {@code ...UseCase}
 * interfaces with their commands and queries), the outbound ports an adapter implements ({@code port.out}), the
 * read models they return ({@code readmodel}), and the services ({@code service}) that implement the inbound ports,
 * which a service bringing its own adapters constructs. {@code validation} is internal.
 */
module com.pagenow.userapi.application {
    requires transitive com.pagenow.userapi.domain;
    requires transitive jakarta.validation;
    requires java.logging;

    exports com.pagenow.userapi.application.error;
    exports com.pagenow.userapi.application.port.in;
    exports com.pagenow.userapi.application.port.out;
    exports com.pagenow.userapi.application.readmodel;
    exports com.pagenow.userapi.application.service;

    // Bean Validation reads the commands' constraints reflectively.
    opens com.pagenow.userapi.application.port.in;
}
