package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson could not read the body into the request type; {@link ErrorMapper} words the answer. */
final class JsonBodyException extends RuntimeException {

    JsonBodyException(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause, false, false);
    }

    JsonProcessingException json() {
        return (JsonProcessingException) getCause();
    }
}
