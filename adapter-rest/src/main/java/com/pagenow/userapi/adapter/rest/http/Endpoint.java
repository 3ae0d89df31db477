package com.pagenow.userapi.adapter.rest.http;

/** One route's work: read the request, call one use case, return what is written as JSON with 200. */
@FunctionalInterface
public interface Endpoint {

    Object handle(ApiRequest request) throws Exception;
}
