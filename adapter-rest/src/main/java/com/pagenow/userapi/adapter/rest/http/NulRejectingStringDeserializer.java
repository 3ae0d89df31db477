package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.pagenow.userapi.domain.text.StoredText;

import java.io.IOException;

/**
 * Every string of every request body passes here: one with a NUL is refused while it is parsed, so that it never
 * reaches a use case or PostgreSQL (which cannot store one). Jackson adds the field path; {@link ApiRequest}
 * answers 422 naming it.
 */
public final class NulRejectingStringDeserializer extends StdScalarDeserializer<String> {

    /**
     * Reads every string of a request body through this deserializer.
     *
     * @return the module for {@code Json.mapper}
     */
    public static Module module() {
        return new SimpleModule("storable-strings").addDeserializer(String.class, new NulRejectingStringDeserializer());
    }

    NulRejectingStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (StoredText.containsNul(value)) {
            throw new RejectedText(parser, StoredText.NUL_MESSAGE);
        }
        return value;
    }

    /** A string the service refuses whatever its field; the message is shown as the field's error. */
    static final class RejectedText extends JsonMappingException {
        RejectedText(JsonParser parser, String message) {
            super(parser, message);
        }
    }
}
