package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.user.GetDomainShareWarningsUseCase;
import com.pagenow.userapi.domain.user.DomainName;
import com.pagenow.userapi.domain.user.DomainShareWarnings;

import java.util.Map;

/** The fixed warnings the domain knows about. */
public final class DomainShareWarningService implements GetDomainShareWarningsUseCase {

    @Override
    public Map<DomainName, String> domainShareWarnings() {
        return DomainShareWarnings.all();
    }
}
