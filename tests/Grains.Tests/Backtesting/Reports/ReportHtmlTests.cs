using System.Text.RegularExpressions;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Backtesting.Reports;
using Meridian.Grains.Domain;
using static Meridian.Grains.Tests.Backtesting.Reports.SampleRun;

namespace Meridian.Grains.Tests.Backtesting.Reports;

public sealed partial class ReportHtmlTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";

    private readonly TempDirectory _run = new();

    public void Dispose() => _run.Dispose();

    private string Page(BacktestResult result)
    {
        BacktestReportWriter.Write(result, _run.Path);
        return _run.Read("report.html");
    }

    [Fact]
    public void Text_from_the_data_is_html_encoded_wherever_it_appears()
    {
        var denial = new BacktestDenial(T("2026-02-10T14:30:00Z"), Hostile, Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(1m), Hostile, Hostile);
        var html = Page(Result(settings: [new(Hostile, Hostile)], denials: [denial]));

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var html = Page(Result());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_figures_come_first_formatted_for_people()
    {
        var html = Page(Result());
        var cards = html[..html.IndexOf("<h2>", StringComparison.Ordinal)];

        Assert.Contains(">100,989.90<", cards, StringComparison.Ordinal);
        // total return 0.009899 = +0.99%; annualized 0.0412 = +4.12%; max drawdown 0.01 = 1.00%
        Assert.Contains(">+0.99%<", cards, StringComparison.Ordinal);
        Assert.Contains(">+4.12%<", cards, StringComparison.Ordinal);
        Assert.Contains(">1.00%<", cards, StringComparison.Ordinal);
        // Sharpe 1.25; Sortino undefined is an em dash
        Assert.Contains(">1.25<", cards, StringComparison.Ordinal);
        Assert.Contains(">\u2014<", cards, StringComparison.Ordinal);
    }

    [Fact]
    public void Equity_and_drawdown_are_drawn_as_svg_paths()
    {
        var html = Page(Result());

        Assert.Equal(2, SvgElement().Count(html));
        Assert.Matches("<svg[^>]*class=\"chart equity\"[\\s\\S]*?<path class=\"line\" d=\"M[0-9.]+,[0-9.]+(L[0-9.]+,[0-9.]+){6}\"", html);
        Assert.Contains("<path class=\"area\"", html, StringComparison.Ordinal);
        // hover strips name the point under the pointer
        Assert.Contains("<title>2026-02-27 21:00  99,990.00</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>2026-02-27 21:00  -1.00%</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_axis_is_labelled_with_dates_and_the_value_axis_with_round_amounts()
    {
        var html = Page(Result());

        Assert.Contains(">2026-02-09</text>", html, StringComparison.Ordinal);
        // equity 99,990 .. 101,000 on steps of 500; drawdown 0 .. -1% on steps of 0.2%
        Assert.Contains(">100,500</text>", html, StringComparison.Ordinal);
        Assert.Contains(">-0.2%</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Trades_denials_and_order_counts_are_listed()
    {
        var html = Page(Result());

        Assert.Contains("<td>INSUFFICIENT_BUYING_POWER</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num pos\">997.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num pos\">+9.97%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"indent\">denied</td><td class=\"num\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>fills</td><td class=\"num\">3</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_trade_list_shows_the_last_500_and_says_how_many_are_left_out()
    {
        var trades = Enumerable.Range(0, 501).Select(i => new BacktestTrade(Symbol.Parse("AAPL"), Trade with { Number = i + 1 })).ToList();

        var html = Page(Result(trades: trades));

        Assert.Contains("The last 500 of 501 trades are listed; 1 earlier trade is not (trades.csv has all of them).", html, StringComparison.Ordinal);
        Assert.Equal(502, File.ReadAllLines(_run.File("trades.csv")).Length);
    }

    [Fact]
    public void An_empty_run_with_one_equity_point_still_renders_every_section()
    {
        var html = Page(Empty());

        Assert.Contains("No trades were closed.", html, StringComparison.Ordinal);
        Assert.Contains("The risk gate denied no orders.", html, StringComparison.Ordinal);
        Assert.Contains("No settings were recorded.", html, StringComparison.Ordinal);
        Assert.Contains("Every position was flat at the end.", html, StringComparison.Ordinal);
        // one point is a dot, not a path with nowhere to go
        Assert.Contains("<circle class=\"dot\"", html, StringComparison.Ordinal);
        // a drawdown that never left zero gets an axis from 0 down to -1%, not one around zero
        Assert.Contains(">-1.0%</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">1.0%</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_equity_points_says_so_instead_of_drawing()
    {
        var html = Page(Empty() with { Equity = [] });

        Assert.Equal(2, Regex.Count(html, ">No points to draw</text>"));
        Assert.Contains("No equity points, so no monthly returns.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<path", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_run_writes_csv_files_with_headers_only()
    {
        Page(Empty());

        Assert.Equal("time,symbol,side,quantity,price,commission,client_order_id,execution_id\n", _run.Read("fills.csv"));
        Assert.Single(File.ReadAllLines(_run.File("orders.csv")));
        Assert.Single(File.ReadAllLines(_run.File("trades.csv")));
        Assert.Equal(["time,equity,drawdown", "2026-01-02T21:00:00Z,100000,0"], File.ReadAllLines(_run.File("equity.csv")));
    }

    [GeneratedRegex("<svg ")]
    private static partial Regex SvgElement();
}
