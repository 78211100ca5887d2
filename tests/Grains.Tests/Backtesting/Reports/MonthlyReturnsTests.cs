using Meridian.Grains.Backtesting.Reports;
using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using static Meridian.Grains.Tests.Backtesting.Reports.SampleRun;

namespace Meridian.Grains.Tests.Backtesting.Reports;

public sealed class MonthlyReturnsTests : IDisposable
{
    private readonly TempDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Each_month_is_measured_from_the_previous_month_end_and_the_first_from_the_starting_equity()
    {
        // Jan: 100000 (start) -> 101000 = +1.00%
        // Feb: 101000 -> 99990 = -1010 / 101000 = -1.00%
        // Mar: 99990 -> 100989.90 = +999.90 / 99990 = +1.00%
        Assert.Equal(
            [new MonthlyReturn(2026, 1, 0.01m), new MonthlyReturn(2026, 2, -0.01m), new MonthlyReturn(2026, 3, 0.01m)],
            MonthlyReturns.Of(Equity));
    }

    [Fact]
    public void A_year_compounds_its_months()
    {
        // 100000 -> 100989.90 = 1.01 x 0.99 x 1.01 - 1 = 0.009899
        Assert.Equal([new YearlyReturn(2026, 0.009899m)], MonthlyReturns.ByYear(Equity));
    }

    [Fact]
    public void A_month_without_points_is_skipped_and_the_next_is_measured_from_the_last_month_with_one()
    {
        // Dec 2025: 200 -> 220 = +10%; no January; Feb 2026: 220 -> 198 = -10%; years: 2025 +10%, 2026 -10%
        EquityPoint[] curve =
        [
            new(T("2025-12-01T21:00:00Z"), Money.Of(200m)),
            new(T("2025-12-31T21:00:00Z"), Money.Of(220m)),
            new(T("2026-02-02T21:00:00Z"), Money.Of(198m)),
        ];

        Assert.Equal([new MonthlyReturn(2025, 12, 0.1m), new MonthlyReturn(2026, 2, -0.1m)], MonthlyReturns.Of(curve));
        Assert.Equal([new YearlyReturn(2025, 0.1m), new YearlyReturn(2026, -0.1m)], MonthlyReturns.ByYear(curve));
    }

    [Fact]
    public void Months_are_utc_months()
    {
        // 23:30 -05:00 on 31 January is 04:30 UTC on 1 February: 100 -> 105 is February's move, January stays at 100.
        EquityPoint[] curve =
        [
            new(T("2026-01-05T12:00:00Z"), Money.Of(100m)),
            new(T("2026-01-31T23:30:00-05:00"), Money.Of(105m)),
        ];

        Assert.Equal([new MonthlyReturn(2026, 1, 0m), new MonthlyReturn(2026, 2, 0.05m)], MonthlyReturns.Of(curve));
    }

    [Fact]
    public void The_report_shows_the_months_in_a_year_row_with_signs_and_colors()
    {
        BacktestReportWriter.Write(Result(), _run.Path);
        var html = _run.Read("report.html");
        var row = html[html.IndexOf("<tr><td>2026</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];

        Assert.Contains(">+1.00%</td>", row, StringComparison.Ordinal);
        Assert.Contains(">-1.00%</td>", row, StringComparison.Ordinal);
        // the year: +0.9899% rounds to +0.99%
        Assert.EndsWith(">+0.99%</td>", row, StringComparison.Ordinal);
        Assert.Contains("background:rgba(22,163,74,", row, StringComparison.Ordinal);
        Assert.Contains("background:rgba(220,38,38,", row, StringComparison.Ordinal);
    }
}
