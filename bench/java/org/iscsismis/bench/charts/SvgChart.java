package org.iscsismis.bench.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG chart: one or more panels side by side, each a line chart (numeric x, optionally logarithmic axes) or
 * a grouped bar chart (categories on x). Text output, so the charts diff like the tables next to them; no fonts or
 * scripts, only what every browser and GitHub's viewer render.
 */
final class SvgChart {

    /** A named series of (x, y) points, or of one y per category for bars; NaN y = no point. */
    record Series(String name, double[] x, double[] y, boolean dashed) {
    }

    /** One panel: axes, title, series. {@code categories} non-null makes it a bar chart. */
    static final class Panel {
        final String title;
        final String xLabel;
        final String yLabel;
        boolean logX;
        boolean logY;
        List<String> categories;
        final List<Series> series = new ArrayList<>();

        Panel(String title, String xLabel, String yLabel) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }
    }

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
    private int panelW = 420;
    private static final int PANEL_H = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 48;

    private final String title;
    private final String note;
    private final List<Panel> panels = new ArrayList<>();

    SvgChart(String title, String note) {
        this.title = title;
        this.note = note;
    }

    /** Widens the panels for a bar chart of {@code categories} groups. */
    void panelWidthFor(int categories) {
        panelW = Math.max(Math.max(panelW, 640), 80 + 90 * categories);
    }

    Panel panel(String panelTitle, String xLabel, String yLabel) {
        Panel p = new Panel(panelTitle, xLabel, yLabel);
        panels.add(p);
        return p;
    }

    String render() {
        List<String> names = new ArrayList<>();
        for (Panel p : panels) {
            for (Series s : p.series) {
                if (!names.contains(s.name())) {
                    names.add(s.name());
                }
            }
        }
        int legendRows = (names.size() + 2) / 3;
        int width = panelW * panels.size();
        int height = 44 + PANEL_H + 16 + legendRows * 18 + (note == null ? 0 : 20);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(svg, width / 2.0, 20, "middle", 15, "bold", title);
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(svg, panels.get(i), i * panelW, 30, names);
        }
        double y = 44 + PANEL_H + 12;
        for (int i = 0; i < names.size(); i++) {
            double x = 20 + (i % 3) * (width - 40) / 3.0;
            double row = y + (i / 3) * 18;
            boolean dashed = isDashed(names.get(i));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"%s/>%n",
                    x, row - 4, x + 22, row - 4, color(i), dashed ? " stroke-dasharray=\"5,3\"" : ""));
            text(svg, x + 28, row, "start", 12, "normal", names.get(i));
        }
        if (note != null) {
            text(svg, 10, height - 8, "start", 11, "normal", note);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private boolean isDashed(String name) {
        for (Panel p : panels) {
            for (Series s : p.series) {
                if (s.name().equals(name)) {
                    return s.dashed();
                }
            }
        }
        return false;
    }

    private void drawPanel(StringBuilder svg, Panel p, int ox, int oy, List<String> names) {
        double x0 = ox + LEFT;
        double x1 = ox + panelW - RIGHT;
        double y0 = oy + PANEL_H - BOTTOM;
        double y1 = oy + TOP;
        text(svg, (x0 + x1) / 2, oy + 24, "middle", 13, "bold", p.title);
        double[] yr = range(p, false);
        Scale ys = new Scale(yr[0], yr[1], y0, y1, p.logY);
        for (double t : ys.ticks()) {
            double py = ys.map(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x0, py, x1, py));
            text(svg, x0 - 4, py + 4, "end", 11, "normal", label(t));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", x0, y0, x1, y0));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", x0, y0, x0, y1));
        text(svg, (x0 + x1) / 2, y0 + 40, "middle", 12, "normal", p.xLabel);
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">%s</text>%n",
                (double) ox + 14, (y0 + y1) / 2, escape(p.yLabel)));
        if (p.categories != null) {
            drawBars(svg, p, x0, x1, y0, ys, names);
        } else {
            drawLines(svg, p, x0, x1, y0, ys, names);
        }
    }

    private void drawLines(StringBuilder svg, Panel p, double x0, double x1, double y0, Scale ys, List<String> names) {
        double[] xr = range(p, true);
        Scale xs = new Scale(xr[0], xr[1], x0 + 12, x1 - 12, p.logX);
        for (double t : xs.ticks()) {
            double px = xs.map(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", px, y0, px, y0 + 4));
            text(svg, px, y0 + 17, "middle", 11, "normal", label(t));
        }
        for (Series s : p.series) {
            String c = color(names.indexOf(s.name()));
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) {
                    continue;
                }
                double px = xs.map(s.x()[i]);
                double py = ys.map(s.y()[i]);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s</title></circle>%n",
                        px, py, c, escape(s.name()), label(s.y()[i])));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    points.toString().trim(), c, s.dashed() ? " stroke-dasharray=\"5,3\"" : ""));
        }
    }

    private void drawBars(StringBuilder svg, Panel p, double x0, double x1, double y0, Scale ys, List<String> names) {
        int groups = p.categories.size();
        double groupW = (x1 - x0) / groups;
        double barW = groupW * 0.8 / Math.max(1, p.series.size());
        for (int g = 0; g < groups; g++) {
            double gx = x0 + g * groupW;
            String[] lines = p.categories.get(g).split("\\|"); // "operation|N": two lines under the group
            for (int l = 0; l < lines.length; l++) {
                text(svg, gx + groupW / 2, y0 + 15 + 13 * l, "middle", 11, "normal", lines[l]);
            }
            for (int k = 0; k < p.series.size(); k++) {
                Series s = p.series.get(k);
                double v = s.y()[g];
                if (Double.isNaN(v)) {
                    continue;
                }
                double top = ys.map(v);
                double bx = gx + groupW * 0.1 + k * barW;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s><title>%s: %s</title></rect>%n",
                        bx, top, barW - 1, Math.max(0.5, y0 - top), color(names.indexOf(s.name())),
                        s.dashed() ? " fill-opacity=\"0.45\"" : "", escape(s.name()), label(v)));
            }
        }
    }

    /** [min, max] of the panel's x (or y) values, widened a little; y of a bar chart or a linear axis starts at 0. */
    private static double[] range(Panel p, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : p.series) {
            double[] v = x ? s.x() : s.y();
            for (double d : v) {
                if (!Double.isNaN(d) && !((x ? p.logX : p.logY) && d <= 0)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        if (lo > hi) {
            return new double[] {1, 10};
        }
        boolean log = x ? p.logX : p.logY;
        if (log) {
            return new double[] {Math.pow(10, Math.floor(Math.log10(x ? lo : lo * 0.9999))),
                Math.pow(10, Math.ceil(Math.log10(x ? hi : hi * 1.0001)))};
        }
        if (!x) {
            lo = Math.min(0, lo);
        }
        return new double[] {lo, hi == lo ? lo + 1 : hi * 1.08};
    }

    private static String color(int i) {
        return COLORS[Math.max(0, i) % COLORS.length];
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String weight, String s) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
                x, y, anchor, size, weight, escape(s)));
    }

    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', '\u2009');
        }
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A linear or logarithmic map from values to pixels, with round ticks. */
    private record Scale(double lo, double hi, double p0, double p1, boolean log) {
        double map(double v) {
            double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
            return p0 + f * (p1 - p0);
        }

        List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            if (log) {
                for (double t = lo; t <= hi * 1.0001; t *= 10) {
                    out.add(t);
                }
                return out;
            }
            double step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 5)));
            if ((hi - lo) / step > 10) {
                step *= 2;
            }
            if ((hi - lo) / step > 10) {
                step *= 2.5;
            }
            for (double t = Math.ceil(lo / step) * step; t <= hi; t += step) {
                out.add(t);
            }
            return out;
        }
    }
}
