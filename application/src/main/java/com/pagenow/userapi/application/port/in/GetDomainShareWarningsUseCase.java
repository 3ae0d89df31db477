package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.domain.user.DomainName;

import java.util.Map;

/** The domains whose sharing may reveal personal activity, each with the warning to show, in a fixed order. */
public interface GetDomainShareWarningsUseCase {

    Map<DomainName, String> domainShareWarnings();
}
