using System.Globalization;
using System.Net;
using System.Text;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>What a chart's values are: amounts of money, or fractions shown as percentages.</summary>
internal enum ChartUnit { Money, Fraction }

/// <summary>
/// A line chart of a time series as inline SVG, drawn without any library: value gridlines on nice-number ticks,
/// time ticks on calendar boundaries, the line over a shaded area, and hover strips whose tooltips give the date and
/// value under the pointer (SVG titles: no script). Long curves are thinned first (<see cref="CurveDownsampler"/>).
/// </summary>
/// <param name="Label">What the chart shows, for screen readers.</param>
/// <param name="CssClass">Selects the chart's colours in the page's CSS.</param>
/// <param name="Unit">How values are labelled.</param>
/// <param name="FromZero">Keep zero on the value axis and shade between the line and zero (a drawdown); otherwise shade down to the axis.</param>
/// <param name="Height">Height in SVG units; the width is fixed and the SVG scales to the page.</param>
internal sealed record SvgLineChart(string Label, string CssClass, ChartUnit Unit, bool FromZero, int Height)
{
    private const int Width = 960;
    private const int Left = 84, Right = 16, Top = 12, Bottom = 30;
    private const int HoverStrips = 120;

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>The chart of <paramref name="points"/> (oldest first) as an &lt;svg&gt; element.</summary>
    public string Render(IReadOnlyList<ChartPoint> points)
    {
        var svg = new StringBuilder();
        svg.Append(s_invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {CssClass}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(Label)}\">\n");
        if (points.Count == 0)
        {
            svg.Append(s_invariant, $"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">No points to draw</text>\n</svg>");
            return svg.ToString();
        }
        var frame = Frame.Of(points, FromZero, Unit, Width - Left - Right, Height - Top - Bottom);
        AppendValueAxis(svg, frame);
        AppendTimeAxis(svg, frame);
        AppendCurve(svg, frame, CurveDownsampler.Reduce(points, frame.PlotWidth / 2));
        AppendHoverStrips(svg, frame, points);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Where the plot area is and which times and values its edges stand for.</summary>
    private sealed record Frame(DateTimeOffset From, DateTimeOffset To, NiceScale Scale, int PlotWidth, int PlotHeight)
    {
        public static Frame Of(IReadOnlyList<ChartPoint> points, bool fromZero, ChartUnit unit, int plotWidth, int plotHeight)
        {
            var (from, to) = (points[0].Time, points[^1].Time);
            // A single moment has no width: give it a day either side so the point sits in the middle.
            if (from == to)
                (from, to) = (from.AddDays(-1), to.AddDays(1));
            var low = points.Min(p => p.Value);
            var high = points.Max(p => p.Value);
            if (fromZero)
            {
                (low, high) = (Math.Min(low, 0), Math.Max(high, 0));
                // Nothing but zeros (a curve that never fell): a small axis below zero, not one around it.
                if (low == high)
                    low = unit == ChartUnit.Fraction ? -0.01 : -1;
            }
            return new Frame(from, to, NiceScale.Covering(low, high), plotWidth, plotHeight);
        }

        public double X(DateTimeOffset time) => Left + (time - From).Ticks / (double)(To - From).Ticks * PlotWidth;

        public double Y(double value) => Top + (Scale.Max - value) / (Scale.Max - Scale.Min) * PlotHeight;
    }

    private void AppendValueAxis(StringBuilder svg, Frame frame)
    {
        svg.Append("<g class=\"grid\">\n");
        foreach (var tick in frame.Scale.Ticks())
        {
            var y = Coordinate(frame.Y(tick));
            svg.Append(s_invariant, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\"/>");
            svg.Append(s_invariant, $"<text x=\"{Left - 8}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\">{WebUtility.HtmlEncode(TickLabel(tick, frame.Scale))}</text>\n");
        }
        svg.Append("</g>\n");
    }

    private static void AppendTimeAxis(StringBuilder svg, Frame frame)
    {
        var axisY = Top + frame.PlotHeight;
        svg.Append(s_invariant, $"<g class=\"axis\">\n<line x1=\"{Left}\" y1=\"{axisY}\" x2=\"{Width - Right}\" y2=\"{axisY}\"/>\n");
        foreach (var (time, label) in TimeTicks.Between(frame.From.UtcDateTime, frame.To.UtcDateTime))
        {
            var x = Coordinate(frame.X(new DateTimeOffset(time)));
            svg.Append(s_invariant, $"<line x1=\"{x}\" y1=\"{axisY}\" x2=\"{x}\" y2=\"{axisY + 5}\"/>");
            svg.Append(s_invariant, $"<text x=\"{x}\" y=\"{axisY + 18}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>\n");
        }
        svg.Append("</g>\n");
    }

    private void AppendCurve(StringBuilder svg, Frame frame, IReadOnlyList<ChartPoint> points)
    {
        if (points.Count == 1)
        {
            var (x, y) = (Coordinate(frame.X(points[0].Time)), Coordinate(frame.Y(points[0].Value)));
            svg.Append(s_invariant, $"<circle class=\"dot\" cx=\"{x}\" cy=\"{y}\" r=\"4\"/>\n");
            return;
        }
        var line = new StringBuilder();
        foreach (var point in points)
            line.Append(line.Length == 0 ? 'M' : 'L').Append(Coordinate(frame.X(point.Time))).Append(',').Append(Coordinate(frame.Y(point.Value)));
        var baseline = Coordinate(frame.Y(FromZero ? 0 : frame.Scale.Min));
        var (first, last) = (Coordinate(frame.X(points[0].Time)), Coordinate(frame.X(points[^1].Time)));
        svg.Append(s_invariant, $"<path class=\"area\" d=\"{line}L{last},{baseline}L{first},{baseline}Z\"/>\n");
        svg.Append(s_invariant, $"<path class=\"line\" d=\"{line}\"/>\n");
    }

    /// <summary>Invisible vertical strips across the plot, each titled with the last point that falls in it.</summary>
    private void AppendHoverStrips(StringBuilder svg, Frame frame, IReadOnlyList<ChartPoint> points)
    {
        var lastInStrip = new ChartPoint?[HoverStrips];
        foreach (var point in points)
        {
            var strip = (int)Math.Clamp((frame.X(point.Time) - Left) / frame.PlotWidth * HoverStrips, 0, HoverStrips - 1);
            lastInStrip[strip] = point;
        }
        var stripWidth = frame.PlotWidth / (double)HoverStrips;
        svg.Append("<g class=\"hover\">\n");
        for (var strip = 0; strip < HoverStrips; strip++)
        {
            if (lastInStrip[strip] is not { } point)
                continue;
            var title = $"{DisplayFormat.DateTime(point.Time)}  {HoverValue(point.Value)}";
            svg.Append(s_invariant,
                $"<rect x=\"{Coordinate(Left + strip * stripWidth)}\" y=\"{Top}\" width=\"{Coordinate(stripWidth)}\" height=\"{frame.PlotHeight}\"><title>{WebUtility.HtmlEncode(title)}</title></rect>\n");
        }
        svg.Append("</g>\n");
    }

    private string TickLabel(double value, NiceScale scale) => Unit == ChartUnit.Money
        ? DisplayFormat.WithoutNegativeZero(value.ToString("N" + scale.Decimals.ToString(s_invariant), s_invariant))
        : DisplayFormat.WithoutNegativeZero((value * 100).ToString("N" + Math.Max(0, scale.Decimals - 2).ToString(s_invariant), s_invariant)) + "%";

    private string HoverValue(double value) => Unit == ChartUnit.Money ? DisplayFormat.Money(value) : DisplayFormat.Percent(value);

    /// <summary>An SVG coordinate to a tenth of a unit, far finer than a pixel at the page's width.</summary>
    private static string Coordinate(double value) => DisplayFormat.WithoutNegativeZero(value.ToString("0.#", s_invariant));
}
