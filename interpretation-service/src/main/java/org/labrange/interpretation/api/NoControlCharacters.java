package org.labrange.interpretation.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses a text value that carries a control character (NUL, escape, backspace, DEL, the C1 range, ...) instead
 * of storing or silently dropping it: such a character is never part of a code, a unit or a note, and it hides
 * text from the person who reads it later. Tab, line feed and carriage return stay allowed in free text.
 */
public final class NoControlCharacters extends StringDeserializer {

    /** Starts the message the exception mapper passes on as the reason. */
    public static final String REASON = "contains the control character";

    public static SimpleModule module() {
        return new SimpleModule("no-control-characters").addDeserializer(String.class, new NoControlCharacters());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                    throw JsonMappingException.from(
                            parser, String.format("%s U+%04X, which no text field accepts", REASON, (int) c));
                }
            }
        }
        return text;
    }
}
