using System.Text;
using Meridian.Grains.Domain;
using static Meridian.Grains.Backtesting.Reports.DisplayFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>How the orders ended, and the orders the risk gate denied: by code, then one by one (the last <see cref="MaxDenialsShown"/>).</summary>
internal static class OrdersSection
{
    /// <summary>How many denials the page lists at most; orders.csv has every denied order.</summary>
    public const int MaxDenialsShown = 500;

    /// <summary>The order counts, then the denials.</summary>
    public static string Render(BacktestResult result)
    {
        var counts = OrderCounts.Of(result.Orders);
        var table = new HtmlTable("counts", "Orders", "#Count");
        table.AddRow("orders", HtmlCell.Number(Count(counts.Total)));
        foreach (var (name, count) in counts.Outcomes())
            table.AddRow(new HtmlCell(name, "indent"), HtmlCell.Number(Count(count)));
        table.AddRow("fills", HtmlCell.Number(Count(result.Fills.Count)));
        return new StringBuilder(table.ToString()).Append("<h2>Risk denials</h2>\n").Append(Denials(result.Denials)).ToString();
    }

    private static string Denials(IReadOnlyList<BacktestDenial> denials)
    {
        if (denials.Count == 0)
            return "<p class=\"note\">The risk gate denied no orders.</p>\n";
        var html = new StringBuilder();
        var byCode = new HtmlTable("codes", "Code", "#Denials");
        foreach (var group in denials.GroupBy(d => d.Code, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            byCode.AddRow(group.Key, HtmlCell.Number(Count(group.Count())));
        html.Append(byCode);
        if (denials.Count > MaxDenialsShown)
            html.Append("<p class=\"note\">").Append(HtmlTable.Encode(CappedListNote(MaxDenialsShown, denials.Count, "denial", "orders.csv has every denied order"))).Append("</p>\n");
        var list = new HtmlTable("denials", "Time", "Order", "Symbol", "Side", "#Quantity", "Code", "Message");
        foreach (var denial in denials.Skip(Math.Max(0, denials.Count - MaxDenialsShown)))
        {
            list.AddRow(
                DateTime(denial.Time),
                denial.ClientOrderId,
                denial.Symbol.Value,
                WireName.Of(denial.Side),
                HtmlCell.Number(Quantity(denial.Quantity.Value)),
                denial.Code,
                new HtmlCell(denial.Message, "wrap"));
        }
        return html.Append(list).ToString();
    }
}
