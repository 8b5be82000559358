package org.labrange.interpretation.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labrange.interpretation.domain.KnowledgeBase;

/** A lab adds knowledge about its own analytes as files, without a code change. The rules here are test data. */
class KnowledgeBaseLoaderTest {

    private static final String TEST_RULES = """
            {"version": "test-1",
             "citations": {"test-source": {"text": "Test citation, not a real source."}},
             "associations": [{"id": "test-high", "analyte": "0000-0", "when": "HIGH",
               "text": "Test data: a high value is associated with nothing real.", "conditions": [],
               "citations": ["test-source"]}]}
            """;

    @TempDir
    Path directory;

    @Test
    void filesInTheKnowledgeDirectoryAddToTheShippedRules() throws IOException {
        Files.writeString(directory.resolve("test.json"), TEST_RULES);
        Files.writeString(directory.resolve("README.txt"), "not read");
        KnowledgeBase kb = KnowledgeBaseLoader.load(KnowledgeBaseLoader.DEFAULT_LOCATION, Optional.of(directory));
        assertTrue(kb.hasAssociationsFor("0000-0"));
        assertTrue(kb.hasAssociationsFor("1952-1"), "the shipped rules stay");
        assertTrue(kb.version().endsWith("+test-1"), kb.version());
    }

    @Test
    void aRuleIdDefinedTwiceStopsTheStartNamingTheFile() throws IOException {
        Files.writeString(directory.resolve("a.json"), TEST_RULES);
        Files.writeString(directory.resolve("b.json"), TEST_RULES.replace("test-1", "test-2"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> KnowledgeBaseLoader.load(KnowledgeBaseLoader.DEFAULT_LOCATION, Optional.of(directory)));
        assertTrue(e.getMessage().contains("b.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'test-high' is defined twice"), e.getMessage());
    }

    @Test
    void aRuleWithoutACitationStopsTheStart() throws IOException {
        Files.writeString(directory.resolve("a.json"), TEST_RULES.replace("[\"test-source\"]", "[]"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> KnowledgeBaseLoader.load(KnowledgeBaseLoader.DEFAULT_LOCATION, Optional.of(directory)));
        assertTrue(e.getMessage().contains("cites no source"), e.getMessage());
    }

    @Test
    void withoutADirectoryOnlyTheShippedRulesCount() {
        KnowledgeBase kb = KnowledgeBaseLoader.load(KnowledgeBaseLoader.DEFAULT_LOCATION, Optional.empty());
        assertEquals(3, kb.associations().size());
    }
}
