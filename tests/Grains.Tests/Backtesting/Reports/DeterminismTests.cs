using System.Globalization;
using Meridian.Grains.Backtesting.Reports;

namespace Meridian.Grains.Tests.Backtesting.Reports;

public sealed class DeterminismTests : IDisposable
{
    private static readonly string[] s_files = ["summary.json", "orders.csv", "fills.csv", "trades.csv", "equity.csv", "report.html"];

    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public void Writing_the_same_result_twice_gives_byte_identical_files()
    {
        BacktestReportWriter.Write(SampleRun.Result(), _first.Path);
        BacktestReportWriter.Write(SampleRun.Result(), _second.Path);

        foreach (var name in s_files)
            Assert.Equal(File.ReadAllBytes(_first.File(name)), File.ReadAllBytes(_second.File(name)));
    }

    [Fact]
    public void The_current_culture_changes_no_byte()
    {
        BacktestReportWriter.Write(SampleRun.Result(), _first.Path);
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = GermanLike();
            // The culture really is in force: current-culture formatting would write 1.234,5.
            Assert.Equal("1.234,5", 1234.5.ToString("N1", CultureInfo.CurrentCulture));
            BacktestReportWriter.Write(SampleRun.Result(), _second.Path);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        foreach (var name in s_files)
            Assert.Equal(File.ReadAllBytes(_first.File(name)), File.ReadAllBytes(_second.File(name)));
    }

    [Fact]
    public void Files_are_utf8_without_a_byte_order_mark_and_use_line_feeds_only()
    {
        BacktestReportWriter.Write(SampleRun.Result(), _first.Path);

        foreach (var name in s_files)
        {
            var bytes = File.ReadAllBytes(_first.File(name));
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal((byte)'\n', bytes[^1]);
            // The only carriage return allowed would be one inside the data; the sample has none.
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    /// <summary>
    /// The projects run with InvariantGlobalization, where "de-DE" cannot be created; this culture has its separators
    /// (1.234,5), plus a Unicode minus and other month names, so any formatting that forgets the invariant culture shows.
    /// </summary>
    private static CultureInfo GermanLike()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = numbers.PercentDecimalSeparator = numbers.CurrencyDecimalSeparator = ",";
        numbers.NumberGroupSeparator = numbers.PercentGroupSeparator = numbers.CurrencyGroupSeparator = ".";
        numbers.NegativeSign = "\u2212";
        var dates = culture.DateTimeFormat;
        dates.DateSeparator = ".";
        dates.TimeSeparator = "h";
        dates.AbbreviatedMonthNames = ["Jän", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez", ""];
        dates.AbbreviatedMonthGenitiveNames = dates.AbbreviatedMonthNames;
        return culture;
    }
}
