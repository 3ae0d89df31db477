package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.user.GetDomainShareWarningsUseCase;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /domains/share/warnings}: the domains whose sharing may reveal personal activity. */
public final class DomainRoutes implements Routes {

    private final GetDomainShareWarningsUseCase warnings;

    /**
     * The route over its use case.
     *
     * @param warnings lists the domains with a warning
     */
    public DomainRoutes(GetDomainShareWarningsUseCase warnings) {
        this.warnings = warnings;
    }

    @Override
    public void register(Router router) {
        router.get("/domains/share/warnings", this::warnings);
    }

    private Map<String, String> warnings(ApiRequest request) {
        Map<String, String> byHost = new LinkedHashMap<>();
        warnings.domainShareWarnings().forEach((domain, warning) -> byHost.put(domain.value(), warning));
        return byHost;
    }
}
