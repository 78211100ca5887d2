using System.Globalization;
using static Meridian.Grains.Backtesting.Reports.DisplayFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// The monthly returns grid: a row per year, a column per month and the year's total, each cell tinted green for a
/// gain and red for a loss, deeper for a larger move (full depth at 10% a month). Definitions in
/// <see cref="MonthlyReturns"/>.
/// </summary>
internal static class MonthlyReturnsSection
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The table, or a sentence when the curve has no points.</summary>
    public static string Render(BacktestResult result)
    {
        var months = MonthlyReturns.Of(result.Equity);
        if (months.Count == 0)
            return "<p class=\"note\">No equity points, so no monthly returns.</p>\n";
        var table = new HtmlTable("monthly", ["Year", .. s_months.Select(m => "#" + m), "#Year"]);
        foreach (var year in MonthlyReturns.ByYear(result.Equity))
        {
            var cells = new HtmlCell[14];
            cells[0] = year.Year.ToString(CultureInfo.InvariantCulture);
            for (var month = 1; month <= 12; month++)
                cells[month] = months.FirstOrDefault(m => m.Year == year.Year && m.Month == month) is { } found ? Cell(found.Return) : new HtmlCell("", "num");
            cells[13] = Cell(year.Return) with { Class = "num total" };
            table.AddRow(cells);
        }
        return table.ToString();
    }

    private static HtmlCell Cell(decimal? growth)
    {
        if (growth is not { } r)
            return new HtmlCell(Missing, "num", Title: "measured from equity at or below zero");
        var depth = Math.Min(1m, Math.Abs(r) / 0.10m);
        var alpha = (0.10m + 0.45m * depth).ToString("0.00", CultureInfo.InvariantCulture);
        var style = r > 0 ? $"background:rgba(22,163,74,{alpha})" : r < 0 ? $"background:rgba(220,38,38,{alpha})" : null;
        return new HtmlCell(Percent(r, signed: true), "num", style);
    }
}
