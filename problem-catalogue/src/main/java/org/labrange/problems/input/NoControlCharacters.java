package org.labrange.problems.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads JSON strings under the {@link ControlCharacters} rule: a string carrying a refused character fails with
 * a mapping exception whose message is {@link ControlCharacters#reason}, and whose path names the field.
 */
public final class NoControlCharacters extends StringDeserializer {

    public static SimpleModule module() {
        return new SimpleModule("no-control-characters").addDeserializer(String.class, new NoControlCharacters());
    }

    /** Whether a JSON error is this rule's refusal (its original message is then the reason to show). */
    public static boolean refused(JsonMappingException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith(ControlCharacters.REASON);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        Optional<Character> refused = text == null ? Optional.empty() : ControlCharacters.first(text);
        if (refused.isPresent()) {
            throw JsonMappingException.from(parser, ControlCharacters.reason(refused.get()));
        }
        return text;
    }
}
