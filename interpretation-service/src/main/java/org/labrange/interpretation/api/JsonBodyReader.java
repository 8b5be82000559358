package org.labrange.interpretation.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.labrange.interpretation.api.problem.MalformedBodyException;
import org.labrange.interpretation.api.problem.Problem;
import org.labrange.interpretation.api.problem.RequestRejectedException;
import org.labrange.problems.input.NoControlCharacters;

/**
 * Reads request bodies strictly: UTF-8 only (RFC 8259; Jackson would otherwise guess UTF-16/32), exactly one
 * JSON document (no trailing content), no key twice in one object (a second "value" must not silently replace
 * the first), no control character in a text (NoControlCharacters) and no field this service does not know (a "knownAt" it cannot honour must not be ignored).
 * Anything else is a 400 problem, never a half-read request. Only request bodies are read this strictly: answers
 * of other services are read by the REST client, which tolerates fields added there.
 */
@ApplicationScoped
public class JsonBodyReader {

    private final ObjectMapper mapper;

    public JsonBodyReader(ObjectMapper mapper) {
        // request bodies only: answers of the ranges service are read by the REST client's own mapper
        this.mapper = mapper.copy().registerModule(NoControlCharacters.module());
    }

    public <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new RequestRejectedException(
                    "malformed-body",
                    "a JSON body is required",
                    List.of(new Problem.FieldError("body", "is required")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RequestRejectedException("malformed-body", "the body is not valid UTF-8", List.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            T value = mapper.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readValue(text);
            if (value == null) {
                throw RequestRejectedException.validation(
                        List.of(new Problem.FieldError("body", "must be a JSON object")));
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedBodyException(e);
        } catch (IOException e) {
            throw new RequestRejectedException("malformed-body", "the body could not be read", List.of());
        }
    }
}
