package org.labrange.problems.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @SuppressWarnings("unused")
    static class Resource {
        void search(@QueryParam("analyte") String analyte, @QueryParam("knownAt") String knownAt) {}

        @Parameter(name = "view", in = ParameterIn.QUERY)
        @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER)
        void forwarded() {}
    }

    record Note(String note) {}

    @Test
    void controlCharactersAreFoundButTabAndLineEndsAreText() {
        assertEquals(Optional.of('\u0000'), ControlCharacters.first("a\u0000b"));
        assertEquals(Optional.of('\u001b'), ControlCharacters.first("\u001b[31m"));
        assertEquals(Optional.of('\u007f'), ControlCharacters.first("del\u007f"));
        assertEquals(Optional.of('\u0085'), ControlCharacters.first("next\u0085line"));
        assertEquals(Optional.empty(), ControlCharacters.first("tab\tline\r\nµg/L ≤ 0.3"));
        assertEquals(
                "contains the control character U+001B, which no text field accepts",
                ControlCharacters.reason('\u001b'));
    }

    @Test
    void aJsonStringWithAControlCharacterIsRefusedNamingTheField() {
        ObjectMapper mapper = new ObjectMapper().registerModule(NoControlCharacters.module());
        JsonMappingException refused = assertThrows(
                JsonMappingException.class, () -> mapper.readValue("{\"note\":\"a\\u0007b\"}", Note.class));
        assertEquals(true, NoControlCharacters.refused(refused));
        assertEquals("note", refused.getPath().get(0).getFieldName());
    }

    @Test
    void theParametersAMethodTakesAreItsQueryParamsAndTheQueryParametersItDocuments() throws NoSuchMethodException {
        var search = Resource.class.getDeclaredMethod("search", String.class, String.class);
        assertEquals(
                List.of("asOf", "sort"), DeclaredQueryParameters.unknown(search, List.of("sort", "analyte", "asOf")));
        assertEquals(
                "is not a query parameter of this endpoint; it takes analyte, knownAt",
                DeclaredQueryParameters.reason(search));
        var forwarded = Resource.class.getDeclaredMethod("forwarded");
        assertEquals(
                List.of("X-Request-Id"), DeclaredQueryParameters.unknown(forwarded, List.of("view", "X-Request-Id")));
    }
}
