package org.labrange.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labrange.gateway.domain.InterpretationAnswer;
import org.labrange.gateway.domain.InterpretationAnswer.Agreement;
import org.labrange.gateway.domain.InterpretationAnswer.Delta;
import org.labrange.gateway.domain.InterpretationAnswer.InterpretedResult;
import org.labrange.gateway.domain.InterpretationAnswer.NotEvaluated;
import org.labrange.gateway.domain.InterpretationAnswer.RangeUsed;
import org.labrange.gateway.domain.InterpretationAnswer.RangesState;
import org.labrange.gateway.domain.InterpretationAnswer.ResultProblem;
import org.labrange.gateway.domain.InterpretationAnswer.SourceFlag;
import org.labrange.gateway.domain.PanelRequest;
import org.labrange.gateway.domain.RangeInEffect;
import org.labrange.gateway.domain.RangeRevision;
import org.labrange.gateway.domain.Source;

/**
 * Reads the JSON the aggregations work from (the client's report request and the services' answers)
 * into the domain's records. Reads are tolerant: a field that is absent or null reads as absent, so
 * that a field added upstream, or one left out, never breaks a report.
 */
public final class UpstreamAnswers {

    private UpstreamAnswers() {}

    public static PanelRequest panelRequest(JsonNode request) {
        List<PanelRequest.RequestedResult> results = list(request, "results").stream()
                .map(r -> new PanelRequest.RequestedResult(text(r, "id"), text(r, "collectedAt")))
                .toList();
        List<String> sources =
                list(request, "sources").stream().map(JsonNode::asText).toList();
        return new PanelRequest(results, sources);
    }

    public static InterpretationAnswer interpretation(JsonNode answer) {
        List<InterpretedResult> results = list(answer, "results").stream()
                .map(UpstreamAnswers::interpretedResult)
                .toList();
        Optional<RangesState> state = node(answer, "ranges")
                .map(ranges -> new RangesState(
                        node(ranges, "stale").map(s -> s.asBoolean(false)).orElse(false), text(ranges, "confirmedAt")));
        return new InterpretationAnswer(results, state);
    }

    public static Source source(JsonNode source) {
        return new Source(
                source.path("code").asText(), text(source, "name"), text(source, "kind"), text(source, "citation"));
    }

    public static RangeRevision revision(JsonNode revision) {
        return new RangeRevision(
                revisionNumber(revision),
                text(revision, "status"),
                text(revision, "effectiveFrom"),
                text(revision, "recordedAt"),
                text(revision, "recordedBy"),
                text(revision, "reason"));
    }

    public static RangeInEffect rangeInEffect(JsonNode range) {
        return new RangeInEffect(text(range, "rangeId"), text(range, "sourceCode"));
    }

    /** Each range's history read into revisions, keeping the order the service answered. */
    public static Map<String, Optional<List<RangeRevision>>> histories(Map<String, Optional<List<JsonNode>>> byId) {
        Map<String, Optional<List<RangeRevision>>> read = new LinkedHashMap<>();
        byId.forEach((id, history) -> read.put(
                id,
                history.map(revisions ->
                        revisions.stream().map(UpstreamAnswers::revision).toList())));
        return read;
    }

    private static InterpretedResult interpretedResult(JsonNode result) {
        List<SourceFlag> flags = list(result, "interpretations").stream()
                .map(entry -> new SourceFlag(
                        text(entry, "source"),
                        text(entry, "flag"),
                        node(entry, "range")
                                .flatMap(range -> text(range, "rangeId")
                                        .map(id -> new RangeUsed(
                                                id, revisionNumber(range), text(range, "effectiveFrom"))))))
                .toList();
        List<NotEvaluated> notEvaluated = list(result, "notEvaluated").stream()
                .map(n -> new NotEvaluated(text(n, "source"), text(n, "reason")))
                .toList();
        Optional<Agreement> agreement = node(result, "agreement")
                .map(a -> new Agreement(
                        node(a, "unanimous").filter(JsonNode::isBoolean).map(JsonNode::asBoolean),
                        node(a, "flags").filter(JsonNode::isObject).map(UpstreamAnswers::flags),
                        text(a, "summary")));
        Optional<Delta> delta = node(result, "delta")
                .map(d -> new Delta(
                        node(d, "possible").filter(JsonNode::isBoolean).map(JsonNode::asBoolean)));
        List<ResultProblem> problems = list(result, "problems").stream()
                .map(p -> new ResultProblem(text(p, "field"), text(p, "reason"), p.toString()))
                .toList();
        return new InterpretedResult(
                text(result, "id"),
                text(result, "status"),
                node(result, "analyte").flatMap(a -> text(a, "code")),
                flags,
                notEvaluated,
                agreement,
                delta,
                problems);
    }

    private static Map<String, String> flags(JsonNode object) {
        Map<String, String> flags = new LinkedHashMap<>();
        object.properties().forEach(f -> flags.put(f.getKey(), f.getValue().asText()));
        return flags;
    }

    private static int revisionNumber(JsonNode node) {
        JsonNode value = node == null ? null : node.get("revision");
        return value != null && value.canConvertToInt() ? value.asInt() : 0;
    }

    /** A text field; absent when missing or null. */
    static Optional<String> text(JsonNode node, String field) {
        return node(node, field).map(JsonNode::asText);
    }

    /** A field of any kind; absent when missing or null. */
    static Optional<JsonNode> node(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }

    /** The elements of an array field; empty when the field is missing or not an array. */
    static List<JsonNode> list(JsonNode node, String field) {
        List<JsonNode> items = new ArrayList<>();
        node(node, field).filter(JsonNode::isArray).ifPresent(array -> array.forEach(items::add));
        return items;
    }
}
