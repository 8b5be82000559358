package org.labrange.interpretation.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Carries Jackson's complaint about a request body to the mapper, which names the offending field. */
public class MalformedBodyException extends RuntimeException {

    private final JsonProcessingException json;

    public MalformedBodyException(JsonProcessingException json) {
        super(json.getOriginalMessage(), json);
        this.json = json;
    }

    public JsonProcessingException json() {
        return json;
    }
}
