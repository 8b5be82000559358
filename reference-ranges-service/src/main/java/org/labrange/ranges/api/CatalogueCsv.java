package org.labrange.ranges.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.Source;
import org.labrange.ranges.domain.SourceKind;
import org.labrange.ranges.domain.Specimen;
import org.labrange.ranges.service.CatalogueDocumentService;
import org.labrange.ranges.service.NewRange;

/**
 * CSV form of the whole catalogue: one file, one row per analyte, source or range, told apart by the first column
 * {@code kind}. The columns are the union of the three kinds; a row fills the columns of its kind and leaves the
 * others empty. Range rows use exactly the columns of the range CSV ({@link RangeCsv#COLUMNS}); {@code unit} is
 * shared by analytes (canonical unit) and ranges (unit of the bounds), and a source's kind is {@code sourceKind}.
 * An analyte's aliases are one cell, separated by {@code |}.
 *
 * <p>Cells are read and written by {@link RangeCsv}, so this file is spreadsheet-safe in the same way, and every
 * problem found while reading names its line. Rows are numbered per kind in the order they come, so the third
 * analyte row is {@code analytes[2]} in an error, as in the JSON form.
 */
final class CatalogueCsv {

    static final String ANALYTE = "analyte";
    static final String SOURCE = "source";
    static final String RANGE = "range";

    private static final List<String> ANALYTE_COLUMNS = List.of(
            "code",
            "displayName",
            "loinc",
            "aliases",
            "specimen",
            "molarMassGramsPerMole",
            "displayPrecision",
            "analyticalCvPercent",
            "withinSubjectCvPercent",
            "cvCitation");
    private static final List<String> SOURCE_COLUMNS = List.of("name", "sourceKind", "citation", "url");

    static final List<String> COLUMNS = Stream.of(List.of("kind"), ANALYTE_COLUMNS, SOURCE_COLUMNS, RangeCsv.COLUMNS)
            .flatMap(List::stream)
            .toList();

    private static final String ALIAS_SEPARATOR = "|";

    private CatalogueCsv() {}

    /** A parsed file, and on which line each item stood, to place the errors the import finds later. */
    record Parsed(CatalogueDocumentService.CatalogueDraft draft, Map<String, Long> lines) {

        /** The error with "line N: " in front when its field belongs to an item of the file. */
        FieldError located(FieldError error) {
            int dot = error.field().indexOf('.');
            String item = dot < 0 ? error.field() : error.field().substring(0, dot);
            Long line = lines.get(item);
            return line == null || error.reason().startsWith("line ")
                    ? error
                    : new FieldError(error.field(), "line " + line + ": " + error.reason());
        }
    }

    static String write(CatalogueDocumentService.CatalogueContent content) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = RangeCsv.printer(out, COLUMNS)) {
            for (var revision : content.analytes()) {
                Analyte a = revision.analyte();
                Map<String, Object> row = new HashMap<>();
                row.put("kind", ANALYTE);
                row.put("code", RangeCsv.text(a.code()));
                row.put("displayName", RangeCsv.text(a.displayName()));
                row.put("loinc", a.loinc().map(RangeCsv::text).orElse(null));
                row.put(
                        "aliases",
                        a.aliases().isEmpty() ? null : RangeCsv.text(String.join(ALIAS_SEPARATOR, a.aliases())));
                row.put("specimen", a.specimen());
                row.put("unit", RangeCsv.text(a.unit()));
                row.put("molarMassGramsPerMole", RangeCsv.plain(a.molarMassGramsPerMole()));
                row.put("displayPrecision", a.displayPrecision().orElse(null));
                row.put("analyticalCvPercent", RangeCsv.plain(a.analyticalCvPercent()));
                row.put("withinSubjectCvPercent", RangeCsv.plain(a.withinSubjectCvPercent()));
                row.put("cvCitation", a.cvCitation().map(RangeCsv::text).orElse(null));
                print(printer, row);
            }
            for (Source s : content.sources()) {
                Map<String, Object> row = new HashMap<>();
                row.put("kind", SOURCE);
                row.put("code", RangeCsv.text(s.code()));
                row.put("name", RangeCsv.text(s.name()));
                row.put("sourceKind", s.kind());
                row.put("citation", RangeCsv.text(s.citation()));
                row.put("url", s.url().map(RangeCsv::text).orElse(null));
                print(printer, row);
            }
            for (var range : content.ranges()) {
                Map<String, Object> row = new HashMap<>();
                row.put("kind", RANGE);
                List<Object> cells = RangeCsv.cells(range);
                for (int i = 0; i < RangeCsv.COLUMNS.size(); i++) {
                    row.put(RangeCsv.COLUMNS.get(i), cells.get(i));
                }
                print(printer, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(CSVPrinter printer, Map<String, Object> row) throws IOException {
        printer.printRecord(COLUMNS.stream().map(row::get).toList());
    }

    /**
     * Reads a catalogue file into the draft the JSON import builds. Every problem of every row is collected;
     * any problem is a 400 naming the line and the field (e.g. {@code analytes[1].specimen}).
     */
    static Parsed parse(String csv, int maxRows) {
        List<FieldError> errors = new ArrayList<>();
        List<Analyte> analytes = new ArrayList<>();
        List<CatalogueDocumentService.SourceDraft> sources = new ArrayList<>();
        List<NewRange> ranges = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        RangeCsv.read(csv, Set.of("kind"), COLUMNS, maxRows, "analytes, sources and ranges together", record -> {
            long line = record.getParser().getCurrentLineNumber();
            Optional<String> kind = RangeCsv.cell(record, "kind").map(k -> k.toLowerCase(Locale.ROOT));
            if (kind.isEmpty()) {
                errors.add(new FieldError(
                        "kind", RangeCsv.line(record) + "is required: " + ANALYTE + ", " + SOURCE + " or " + RANGE));
            } else if (kind.get().equals(ANALYTE)) {
                String item = "analytes[" + analytes.size() + "]";
                lines.put(item, line);
                analytes.add(analyte(record, item + ".", errors));
            } else if (kind.get().equals(SOURCE)) {
                String item = "sources[" + sources.size() + "]";
                lines.put(item, line);
                sources.add(source(record, item + ".", errors));
            } else if (kind.get().equals(RANGE)) {
                String item = "ranges[" + ranges.size() + "]";
                lines.put(item, line);
                ranges.add(RangeCsv.row(record, item + ".", errors));
            } else {
                errors.add(new FieldError(
                        "kind",
                        RangeCsv.line(record) + "'" + kind.get() + "' is not one of " + ANALYTE + ", " + SOURCE + ", "
                                + RANGE));
            }
        });
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        return new Parsed(new CatalogueDocumentService.CatalogueDraft(analytes, sources, ranges), Map.copyOf(lines));
    }

    private static Analyte analyte(CSVRecord record, String prefix, List<FieldError> errors) {
        List<String> aliases = RangeCsv.textCell(record, "aliases", prefix, errors)
                .map(cell -> Arrays.stream(cell.split("\\" + ALIAS_SEPARATOR))
                        .map(String::strip)
                        .toList())
                .orElse(List.of());
        return new Requests.AnalyteDraft(
                        RangeCsv.textCell(record, "code", prefix, errors).orElse(null),
                        RangeCsv.textCell(record, "loinc", prefix, errors).orElse(null),
                        RangeCsv.textCell(record, "displayName", prefix, errors).orElse(null),
                        aliases,
                        RangeCsv.enumeration(record, "specimen", Specimen.class, prefix, errors)
                                .orElse(null),
                        RangeCsv.textCell(record, "unit", prefix, errors).orElse(null),
                        RangeCsv.number(record, "molarMassGramsPerMole", prefix, errors)
                                .orElse(null),
                        RangeCsv.integer(record, "displayPrecision", prefix, errors)
                                .orElse(null),
                        RangeCsv.number(record, "analyticalCvPercent", prefix, errors)
                                .orElse(null),
                        RangeCsv.number(record, "withinSubjectCvPercent", prefix, errors)
                                .orElse(null),
                        RangeCsv.textCell(record, "cvCitation", prefix, errors).orElse(null))
                .toDomain();
    }

    private static CatalogueDocumentService.SourceDraft source(
            CSVRecord record, String prefix, List<FieldError> errors) {
        return new Requests.SourceDraft(
                        RangeCsv.textCell(record, "code", prefix, errors).orElse(null),
                        RangeCsv.textCell(record, "name", prefix, errors).orElse(null),
                        RangeCsv.enumeration(record, "sourceKind", SourceKind.class, prefix, errors)
                                .orElse(null),
                        RangeCsv.textCell(record, "citation", prefix, errors).orElse(null),
                        RangeCsv.textCell(record, "url", prefix, errors).orElse(null))
                .toDomain();
    }
}
