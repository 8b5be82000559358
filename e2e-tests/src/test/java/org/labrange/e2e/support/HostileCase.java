package org.labrange.e2e.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One line of the hostile corpus ({@code src/test/resources/hostile/<category>.jsonl}).
 *
 * <pre>
 * name        unique, says what is hostile about the request
 * method      GET, POST, PUT, …
 * path        written into the request line as is (percent-encode yourself, or don't, on purpose)
 * token       admin | reader | interpreter | no-roles | unknown-role | none | expired | unsigned | wrong-key
 *             | wrong-issuer | hmac-public-key | garbage | issued-in-the-future | valid-for-a-year
 * headers     {"Name": "value" | null | [parts]} or [["Name", "value"], …] for repeated names; a null value
 *             removes the default Content-Type; values are sent byte for byte (CR/LF included)
 * body        a string (sent as is) or any other JSON value (sent as compact JSON, non-ASCII kept raw)
 * bodyParts   instead of body: ["text", {"repeat": "[", "times": 100000}, …] for big or deep bodies
 * bodyBase64  instead of body: exact bytes (e.g. invalid UTF-8)
 * chunked     send the body with Transfer-Encoding: chunked instead of Content-Length
 * expect      exact status (422), a class ("4xx"), or a list of statuses ([400, 422])
 * type        the problem type's last segment the answer must carry, e.g. "forbidden"
 * resultStatus for a case where 200 is right: the status every result must have (e.g. "REJECTED")
 * emptyList   for a read where 200 is right: the answer must be an empty JSON array
 * formatDefect the answer's format is known to be wrong (e.g. a bare 400/413/414/431 from the HTTP layer,
 *             no problem document): the case is still sent and must pass every security check (no 5xx, a
 *             4xx refusal, no unsafe X-Request-Id, no injected header, no cookie); only the status and
 *             problem-document expectations are counted apart, by name, until the mark is removed
 * </pre>
 */
public record HostileCase(
        String category,
        String name,
        String method,
        String path,
        String token,
        List<Map.Entry<String, String>> headers,
        Set<String> removedHeaders,
        Optional<Supplier<byte[]>> body,
        boolean chunked,
        Set<Integer> exactStatuses,
        Optional<Integer> statusClass,
        Optional<String> type,
        Optional<String> resultStatus,
        boolean emptyList,
        Optional<String> formatDefect) {

    private static final Set<String> FIELDS = Set.of(
            "name",
            "method",
            "path",
            "token",
            "headers",
            "body",
            "bodyParts",
            "bodyBase64",
            "chunked",
            "expect",
            "type",
            "resultStatus",
            "emptyList",
            "formatDefect",
            "comment");

    public String id() {
        return category + "/" + name;
    }

    public boolean allowsStatus(int status) {
        return exactStatuses.contains(status)
                || statusClass.map(c -> status / 100 == c).orElse(false);
    }

    public String expectation() {
        List<String> parts = new ArrayList<>();
        exactStatuses.stream().sorted().forEach(s -> parts.add(s.toString()));
        statusClass.ifPresent(c -> parts.add(c + "xx"));
        return String.join(" or ", parts);
    }

    public boolean allowsSuccess() {
        return exactStatuses.stream().anyMatch(s -> s < 300)
                || statusClass.map(c -> c == 2).orElse(false);
    }

    @SuppressWarnings("unchecked")
    static HostileCase from(String category, String where, Map<String, Object> raw) {
        for (String key : raw.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field '" + key + "'");
            }
        }
        String name = required(raw, "name", where);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<String> removed = new LinkedHashSet<>();
        Object rawHeaders = raw.get("headers");
        if (rawHeaders instanceof Map<?, ?> map) {
            map.forEach((k, v) -> addHeader(headers, removed, k.toString(), v));
        } else if (rawHeaders instanceof List<?> list) {
            for (Object pair : list) {
                List<Object> entry = (List<Object>) pair;
                addHeader(headers, removed, entry.get(0).toString(), entry.get(1));
            }
        } else if (rawHeaders != null) {
            throw new IllegalArgumentException(where + ": headers must be an object or a list of pairs");
        }
        // Bodies are built when sent: the oversized ones would otherwise all sit in memory at once.
        Optional<Supplier<byte[]>> body = Optional.empty();
        if (Stream.of("body", "bodyParts", "bodyBase64")
                        .filter(raw::containsKey)
                        .count()
                > 1) {
            throw new IllegalArgumentException(where + ": body, bodyParts and bodyBase64 are exclusive");
        }
        if (raw.containsKey("body")) {
            Object value = raw.get("body");
            String text = value instanceof String string ? string : JsonText.write(value);
            body = Optional.of(() -> text.getBytes(StandardCharsets.UTF_8));
        } else if (raw.containsKey("bodyParts")) {
            Object spec = raw.get("bodyParts");
            parts(shrunk(spec), where);
            body = Optional.of(() -> parts(spec, where).getBytes(StandardCharsets.UTF_8));
        } else if (raw.containsKey("bodyBase64")) {
            byte[] bytes = Base64.getDecoder().decode((String) raw.get("bodyBase64"));
            body = Optional.of(() -> bytes.clone());
        }
        Set<Integer> exact = new LinkedHashSet<>();
        Optional<Integer> statusClass = Optional.empty();
        Object expect = raw.get("expect");
        List<Object> expectations =
                expect instanceof List<?> list ? (List<Object>) list : List.of(expect == null ? "" : expect);
        for (Object e : expectations) {
            if (e instanceof Number n) {
                exact.add(n.intValue());
            } else if (e instanceof String s && s.matches("[1-5]xx")) {
                statusClass = Optional.of(s.charAt(0) - '0');
            } else {
                throw new IllegalArgumentException(where + ": expect must be a status, \"4xx\" or a list of them");
            }
        }
        HostileCase c = new HostileCase(
                category,
                name,
                required(raw, "method", where),
                required(raw, "path", where),
                required(raw, "token", where),
                List.copyOf(headers),
                Set.copyOf(removed),
                body,
                Boolean.TRUE.equals(raw.get("chunked")),
                Set.copyOf(exact),
                statusClass,
                Optional.ofNullable((String) raw.get("type")),
                Optional.ofNullable((String) raw.get("resultStatus")),
                Boolean.TRUE.equals(raw.get("emptyList")),
                Optional.ofNullable((String) raw.get("formatDefect")));
        if (c.allowsSuccess() && c.resultStatus.isEmpty() && !c.emptyList) {
            throw new IllegalArgumentException(
                    where + " (" + name + "): a case that accepts a success must say what the "
                            + "success contains (resultStatus or emptyList)");
        }
        return c;
    }

    private static void addHeader(
            List<Map.Entry<String, String>> headers, Set<String> removed, String name, Object value) {
        if (value == null) {
            removed.add(name.toLowerCase(java.util.Locale.ROOT));
        } else {
            headers.add(Map.entry(name, value instanceof List<?> ? parts(value, name) : value.toString()));
        }
    }

    private static String required(Map<String, Object> raw, String field, String where) {
        Object value = raw.get(field);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is required");
        }
        return text;
    }

    /** The same parts repeated once each: checks the shape without building a huge body at load time. */
    private static Object shrunk(Object spec) {
        if (!(spec instanceof List<?> list)) {
            return spec;
        }
        return list.stream()
                .map(part -> part instanceof Map<?, ?> generator && generator.get("times") instanceof Number
                        ? Map.of("repeat", String.valueOf(generator.get("repeat")), "times", 1)
                        : part)
                .toList();
    }

    /** ["a", {"repeat": "b", "times": 3}, "c"] → "abbbc". */
    private static String parts(Object spec, String where) {
        if (!(spec instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": parts must be a list");
        }
        StringBuilder out = new StringBuilder();
        for (Object part : list) {
            if (part instanceof String text) {
                out.append(text);
            } else if (part instanceof Map<?, ?> generator
                    && generator.get("repeat") instanceof String unit
                    && generator.get("times") instanceof Number times) {
                out.append(unit.repeat(times.intValue()));
            } else {
                throw new IllegalArgumentException(where + ": a part is a string or {\"repeat\": \"…\", \"times\": n}");
            }
        }
        return out.toString();
    }

    /** Compact JSON that keeps non-ASCII characters as they are (homoglyphs must reach the server unescaped). */
    static final class JsonText {

        private JsonText() {}

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                string(text, out);
            } else if (value instanceof BigDecimal decimal) {
                out.append(decimal.toString());
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(entry.getKey().toString(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
