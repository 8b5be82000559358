package org.labrange.ranges.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.labrange.problems.input.ControlCharacters;
import org.labrange.ranges.domain.AgeUnit;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.Population;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.Sex;
import org.labrange.ranges.service.NewRange;

/**
 * CSV form of ranges. Export writes every column; import needs the columns in {@link #REQUIRED}.
 *
 * <p>Spreadsheet-safe both ways: a text cell that a spreadsheet would run as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) is exported with a leading apostrophe, which spreadsheets show as
 * text, and import removes exactly that apostrophe again, so an export imports back unchanged. Import takes
 * UTF-8 with or without a byte-order mark, LF or CRLF line ends, and names the line of every problem.
 */
final class RangeCsv {

    /** What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    static final List<String> COLUMNS = List.of(
            "rangeId",
            "revision",
            "analyte",
            "source",
            "category",
            "low",
            "lowInclusive",
            "high",
            "highInclusive",
            "unit",
            "sex",
            "ageMin",
            "ageMax",
            "ageUnit",
            "condition",
            "method",
            "note",
            "effectiveFrom");
    static final Set<String> REQUIRED = Set.of("analyte", "source", "category", "low", "high", "unit");

    private RangeCsv() {}

    static String write(List<RangeRevision> revisions) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = printer(out, COLUMNS)) {
            for (RangeRevision r : revisions) {
                printer.printRecord(cells(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The cells of one range, in the order of {@link #COLUMNS}; text cells are spreadsheet-safe. */
    static List<Object> cells(RangeRevision r) {
        RangeContent c = r.content();
        Population p = c.population();
        return java.util.Arrays.asList(
                r.rangeId(),
                r.revision(),
                text(r.analyteCode()),
                text(r.sourceCode()),
                r.category(),
                plain(c.low()),
                c.lowInclusive(),
                plain(c.high()),
                c.highInclusive(),
                text(c.unit()),
                p.sex(),
                p.ageMin().orElse(null),
                p.ageMax().orElse(null),
                p.ageUnit(),
                p.condition().map(RangeCsv::text).orElse(null),
                p.method().map(RangeCsv::text).orElse(null),
                c.note().map(RangeCsv::text).orElse(null),
                r.effectiveFrom());
    }

    static List<NewRange> parse(String csv, int maxRows) {
        List<FieldError> errors = new ArrayList<>();
        List<NewRange> rows = new ArrayList<>();
        read(csv, REQUIRED, COLUMNS, maxRows, "ranges", record -> {
            rows.add(row(record, "ranges[" + rows.size() + "].", errors));
        });
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        return rows;
    }

    /** The CSV layout every export of this service writes: RFC 4180 with a header row of {@code columns}. */
    static CSVPrinter printer(Appendable out, List<String> columns) throws IOException {
        return new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(columns.toArray(String[]::new))
                        .get());
    }

    /**
     * Reads a CSV text with a header row and hands each record to {@code each}; shared by every CSV import of this
     * service so that they accept the same files and word their problems alike.
     *
     * @param required columns the header must name, or the import is refused naming the missing ones
     * @param columns every column the format knows, named in that refusal
     * @param items what more than {@code maxRows} records are too many of, for the refusal
     */
    static void read(
            String csv,
            Set<String> required,
            List<String> columns,
            int maxRows,
            String items,
            java.util.function.Consumer<CSVRecord> each) {
        // Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise become part of the first column name
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVParser parser;
        try {
            parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(new StringReader(text));
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new DomainException.Invalid("header", headerProblem(e));
        }
        try (parser) {
            List<String> missing = required.stream()
                    .filter(c -> !parser.getHeaderMap().containsKey(c))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                throw new DomainException.Invalid("header", "missing column(s) " + missing + "; expected " + columns);
            }
            java.util.Iterator<CSVRecord> records = parser.iterator();
            int count = 0;
            while (hasNext(records, parser)) {
                CSVRecord record = records.next();
                if (count++ >= maxRows) {
                    throw new DomainException.TooLarge("An import takes at most " + maxRows + " " + items);
                }
                each.accept(record);
            }
        } catch (IOException e) {
            throw new DomainException.Invalid("body", "line " + parser.getCurrentLineNumber() + ": cannot be read");
        }
    }

    /** Advances the parser, turning its complaints into a line number and a reason in our own words. */
    private static boolean hasNext(java.util.Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext();
        } catch (IllegalStateException | UncheckedIOException e) {
            String message = String.valueOf(e.getMessage());
            String reason = message.contains("EOF") || message.contains("encapsulated token finished")
                    ? "a quoted cell is not closed before the end of the file"
                    : message.contains("invalid char between encapsulated token and delimiter")
                            ? "text follows the closing quote of a cell (a quote inside a cell is written twice: \"\")"
                            : "is not valid CSV";
            throw new DomainException.Invalid("body", "line " + lineOf(message, parser) + ": " + reason);
        }
    }

    private static long lineOf(String message, CSVParser parser) {
        java.util.regex.Matcher line =
                java.util.regex.Pattern.compile("line:? (\\d+)").matcher(message);
        return line.find() ? Long.parseLong(line.group(1)) : parser.getCurrentLineNumber() + 1;
    }

    private static String headerProblem(Exception e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher duplicate =
                java.util.regex.Pattern.compile("duplicate name: \"([^\"]*)\"").matcher(message);
        if (duplicate.find()) {
            return "line 1: the column '" + duplicate.group(1) + "' appears twice";
        }
        if (message.contains("empty") || message.contains("missing")) {
            return "line 1: a column has no name";
        }
        return "line 1: the header row is not valid CSV";
    }

    /** A text cell as exported: a leading formula character is shown as text. */
    static String text(String value) {
        return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A text cell as imported: the apostrophe {@link #text} added is removed again. */
    static String untext(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0
                ? value.substring(1)
                : value;
    }

    static NewRange row(CSVRecord record, String prefix, List<FieldError> errors) {
        Population population = new Population(
                enumeration(record, "sex", Sex.class, prefix, errors).orElse(Sex.ANY),
                integer(record, "ageMin", prefix, errors),
                integer(record, "ageMax", prefix, errors),
                enumeration(record, "ageUnit", AgeUnit.class, prefix, errors).orElse(AgeUnit.YEARS),
                textCell(record, "condition", prefix, errors),
                textCell(record, "method", prefix, errors));
        RangeContent content = new RangeContent(
                number(record, "low", prefix, errors),
                bool(record, "lowInclusive", prefix, errors),
                number(record, "high", prefix, errors),
                bool(record, "highInclusive", prefix, errors),
                textCell(record, "unit", prefix, errors).orElse(null),
                population,
                textCell(record, "note", prefix, errors));
        Category category =
                enumeration(record, "category", Category.class, prefix, errors).orElse(null);
        return new NewRange(
                textCell(record, "analyte", prefix, errors).orElse(null),
                textCell(record, "source", prefix, errors).orElse(null),
                category,
                content);
    }

    static Optional<String> cell(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return Optional.empty();
        }
        return Optional.ofNullable(record.get(column))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(RangeCsv::untext);
    }

    /** A text cell, refused (by line and column) when it carries a control character other than tab or line ends. */
    static Optional<String> textCell(CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        value.flatMap(ControlCharacters::first)
                .ifPresent(
                        c -> errors.add(new FieldError(prefix + column, line(record) + ControlCharacters.reason(c))));
        return value;
    }

    /** Where a row's problem is, for a person holding the file: "line 3: ". */
    static String line(CSVRecord record) {
        return "line " + record.getParser().getCurrentLineNumber() + ": ";
    }

    static Optional<BigDecimal> number(CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        try {
            return value.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(prefix + column, line(record) + "'" + value.get() + "' is not a number"));
            return Optional.empty();
        }
    }

    static Optional<Integer> integer(CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        try {
            return value.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(prefix + column, line(record) + "'" + value.get() + "' is not a whole number"));
            return Optional.empty();
        }
    }

    static boolean bool(CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty() || value.get().equals("true")) {
            return true;
        }
        if (value.get().equals("false")) {
            return false;
        }
        errors.add(new FieldError(prefix + column, line(record) + "must be true or false"));
        return true;
    }

    static <E extends Enum<E>> Optional<E> enumeration(
            CSVRecord record, String column, Class<E> type, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        try {
            return value.map(v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    prefix + column,
                    line(record) + "'" + value.get() + "' is not one of "
                            + java.util.Arrays.toString(type.getEnumConstants())));
            return Optional.empty();
        }
    }

    static String plain(Optional<BigDecimal> value) {
        return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }
}
