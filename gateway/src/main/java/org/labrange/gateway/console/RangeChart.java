package org.labrange.gateway.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server-drawn SVG of every source's ranges over effective time: one lane per range, one band per revision
 * between its low and high, so that a method change or a correction shows as a step. Presentation attributes
 * only (no style attributes), so the page's Content-Security-Policy needs no inline styles.
 */
final class RangeChart {

    /** One revision's valid period and bounds; an open end runs to the right edge. */
    record Band(
            LocalDate from,
            Optional<LocalDate> to,
            Optional<BigDecimal> low,
            Optional<BigDecimal> high,
            int revision,
            boolean retired) {}

    /** One range's history, labelled by its source. */
    record Lane(String label, String unit, List<Band> bands) {}

    private static final String[] COLOURS = {"#1f5fa8", "#b3451b", "#2f7d32", "#7a3fa0", "#8a6d00", "#00707a"};
    private static final int WIDTH = 760;
    private static final int LANE = 64;
    private static final int LEFT = 200;
    private static final int RIGHT = 20;
    private static final int TOP = 20;

    private RangeChart() {}

    static String svg(List<Lane> lanes, LocalDate today) {
        if (lanes.isEmpty()) {
            return "<p>No ranges to draw.</p>";
        }
        LocalDate start = lanes.stream()
                .flatMap(l -> l.bands().stream())
                .map(Band::from)
                .min(LocalDate::compareTo)
                .orElse(today)
                .minusMonths(2);
        LocalDate lastChange = lanes.stream()
                .flatMap(l -> l.bands().stream())
                .map(Band::from)
                .max(LocalDate::compareTo)
                .orElse(today);
        LocalDate end = (lastChange.isAfter(today) ? lastChange : today).plusMonths(3);
        double days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        int height = TOP + lanes.size() * LANE + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"chart\">")
                .append("<title id=\"chart-title\">Ranges of every source over effective time</title>")
                .append("<desc id=\"chart-desc\">")
                .append(escape(describe(lanes)))
                .append("</desc>");
        int plot = WIDTH - LEFT - RIGHT;
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            String colour = COLOURS[i % COLOURS.length];
            int top = TOP + i * LANE;
            BigDecimal max = lane.bands().stream()
                    .flatMap(b -> b.high().or(b::low).stream())
                    .max(BigDecimal::compareTo)
                    .orElse(BigDecimal.ONE);
            double scale = (LANE - 16) / (max.doubleValue() * 1.2);
            int bottom = top + LANE - 8;
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(bottom)
                    .append("\" y2=\"")
                    .append(bottom)
                    .append("\" stroke=\"#8a94a3\" stroke-width=\"1\"/>");
            // two lines left of the plot: the source, then the population, each cut to fit
            String[] lines = lane.label().split(" · ", 2);
            for (int line = 0; line < lines.length; line++) {
                svg.append("<text x=\"")
                        .append(LEFT - 8)
                        .append("\" y=\"")
                        .append(top + LANE / 2 - 6 + 15 * line)
                        .append("\" text-anchor=\"end\" font-size=\"")
                        .append(line == 0 ? 12 : 11)
                        .append("\" fill=\"#1d2430\">")
                        .append(escape(shorten(lines[line], line == 0 ? 26 : 30)))
                        .append("</text>");
            }
            for (Band band : lane.bands()) {
                if (band.retired()) {
                    continue;
                }
                double x1 = LEFT + plot * ChronoUnit.DAYS.between(start, band.from()) / days;
                double x2 =
                        LEFT + plot * ChronoUnit.DAYS.between(start, band.to().orElse(end)) / days;
                double lowY = bottom - band.low().map(BigDecimal::doubleValue).orElse(0.0) * scale;
                double highY =
                        band.high().map(h -> bottom - h.doubleValue() * scale).orElse((double) top + 2);
                svg.append("<rect x=\"")
                        .append(round(x1))
                        .append("\" y=\"")
                        .append(round(highY))
                        .append("\" width=\"")
                        .append(round(Math.max(1, x2 - x1)))
                        .append("\" height=\"")
                        .append(round(Math.max(1, lowY - highY)))
                        .append("\" fill=\"")
                        .append(colour)
                        .append("\" fill-opacity=\"0.35\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"1.5\"><title>")
                        .append(escape(lane.label() + " revision " + band.revision() + ": "
                                + band.low().map(BigDecimal::toPlainString).orElse("no low") + " to "
                                + band.high().map(BigDecimal::toPlainString).orElse("no high") + " "
                                + lane.unit() + " from " + band.from()
                                + band.to().map(t -> " until " + t).orElse("")))
                        .append("</title></rect>");
                svg.append("<text x=\"")
                        .append(round(x1 + 3))
                        .append("\" y=\"")
                        .append(round(highY + 12))
                        .append("\" font-size=\"10\" fill=\"#1d2430\">r")
                        .append(band.revision())
                        .append("</text>");
            }
        }
        int axis = TOP + lanes.size() * LANE + 14;
        for (LocalDate tick = start.withDayOfYear(1).plusYears(1); tick.isBefore(end); tick = tick.plusYears(1)) {
            double x = LEFT + plot * ChronoUnit.DAYS.between(start, tick) / days;
            svg.append("<line x1=\"")
                    .append(round(x))
                    .append("\" x2=\"")
                    .append(round(x))
                    .append("\" y1=\"")
                    .append(TOP)
                    .append("\" y2=\"")
                    .append(axis - 10)
                    .append("\" stroke=\"#d5dae1\" stroke-width=\"1\"/>")
                    .append("<text x=\"")
                    .append(round(x))
                    .append("\" y=\"")
                    .append(axis + 4)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1d2430\">")
                    .append(tick.getYear())
                    .append("</text>");
        }
        double now = LEFT + plot * ChronoUnit.DAYS.between(start, today) / days;
        svg.append("<line x1=\"")
                .append(round(now))
                .append("\" x2=\"")
                .append(round(now))
                .append("\" y1=\"")
                .append(TOP - 6)
                .append("\" y2=\"")
                .append(axis - 10)
                .append("\" stroke=\"#1d2430\" stroke-dasharray=\"4 3\" stroke-width=\"1\"/>")
                .append("<text x=\"")
                .append(round(now))
                .append("\" y=\"")
                .append(TOP - 8)
                .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1d2430\">today</text>");
        return svg.append("</svg>").toString();
    }

    /** The chart in words, for screen readers. */
    static String describe(List<Lane> lanes) {
        List<String> parts = new ArrayList<>();
        for (Lane lane : lanes) {
            parts.add(lane.label() + ": " + lane.bands().size() + " revision(s)");
        }
        return String.join("; ", parts);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
