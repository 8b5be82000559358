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
import org.labrange.ranges.domain.AgeUnit;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.Population;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.Sex;
import org.labrange.ranges.service.NewRange;

/** CSV form of ranges. Export writes every column; import needs the columns in {@link #REQUIRED}. */
final class RangeCsv {

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
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(COLUMNS.toArray(String[]::new))
                        .get())) {
            for (RangeRevision r : revisions) {
                RangeContent c = r.content();
                Population p = c.population();
                printer.printRecord(
                        r.rangeId(),
                        r.revision(),
                        r.analyteCode(),
                        r.sourceCode(),
                        r.category(),
                        plain(c.low()),
                        c.lowInclusive(),
                        plain(c.high()),
                        c.highInclusive(),
                        c.unit(),
                        p.sex(),
                        p.ageMin().orElse(null),
                        p.ageMax().orElse(null),
                        p.ageUnit(),
                        p.condition().orElse(null),
                        p.method().orElse(null),
                        c.note().orElse(null),
                        r.effectiveFrom());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<NewRange> parse(String csv, int maxRows) {
        List<FieldError> errors = new ArrayList<>();
        List<NewRange> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(csv))) {
            List<String> missing = REQUIRED.stream()
                    .filter(c -> !parser.getHeaderMap().containsKey(c))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                throw new DomainException.Invalid("header", "missing column(s) " + missing + "; expected " + COLUMNS);
            }
            for (CSVRecord record : parser) {
                int index = rows.size();
                if (index >= maxRows) {
                    throw new DomainException.TooLarge("An import takes at most " + maxRows + " ranges");
                }
                rows.add(row(record, "ranges[" + index + "].", errors));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new DomainException.Invalid("body", "is not valid CSV: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        return rows;
    }

    private static NewRange row(CSVRecord record, String prefix, List<FieldError> errors) {
        Population population = new Population(
                enumeration(record, "sex", Sex.class, prefix, errors).orElse(Sex.ANY),
                integer(record, "ageMin", prefix, errors),
                integer(record, "ageMax", prefix, errors),
                enumeration(record, "ageUnit", AgeUnit.class, prefix, errors).orElse(AgeUnit.YEARS),
                cell(record, "condition"),
                cell(record, "method"));
        RangeContent content = new RangeContent(
                number(record, "low", prefix, errors),
                bool(record, "lowInclusive", prefix, errors),
                number(record, "high", prefix, errors),
                bool(record, "highInclusive", prefix, errors),
                cell(record, "unit").orElse(null),
                population,
                cell(record, "note"));
        Category category =
                enumeration(record, "category", Category.class, prefix, errors).orElse(null);
        return new NewRange(
                cell(record, "analyte").orElse(null), cell(record, "source").orElse(null), category, content);
    }

    private static Optional<String> cell(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return Optional.empty();
        }
        return Optional.ofNullable(record.get(column)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<BigDecimal> number(
            CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        try {
            return value.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(prefix + column, "'" + value.get() + "' is not a number"));
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        try {
            return value.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(prefix + column, "'" + value.get() + "' is not a whole number"));
            return Optional.empty();
        }
    }

    private static boolean bool(CSVRecord record, String column, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty() || value.get().equals("true")) {
            return true;
        }
        if (value.get().equals("false")) {
            return false;
        }
        errors.add(new FieldError(prefix + column, "must be true or false"));
        return true;
    }

    private static <E extends Enum<E>> Optional<E> enumeration(
            CSVRecord record, String column, Class<E> type, String prefix, List<FieldError> errors) {
        Optional<String> value = cell(record, column);
        try {
            return value.map(v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    prefix + column,
                    "'" + value.get() + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return Optional.empty();
        }
    }

    private static String plain(Optional<BigDecimal> value) {
        return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }
}
