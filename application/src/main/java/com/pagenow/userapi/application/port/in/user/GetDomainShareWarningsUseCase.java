package com.pagenow.userapi.application.port.in.user;

import com.pagenow.userapi.domain.user.DomainName;

import java.util.Map;

/** The domains whose sharing may reveal personal activity, each with the warning to show, in a fixed order. */
public interface GetDomainShareWarningsUseCase {

    /**
     * The warnings, by domain.
     *
     * @return each domain with its warning text, in a fixed order
     */
    Map<DomainName, String> domainShareWarnings();
}
