using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Import;

namespace Meridian.Grains.Tests.MarketData.Import;

public sealed class CsvBarParserTests
{
    private static readonly TimeZoneInfo s_berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static ParsedBarFile Parse(CsvBarParser parser, string text) => YahooCsvTests.Parse(parser, "bars.csv", text);

    private static string[] Errors(ParsedBarFile parsed) => [.. parsed.Errors.Kept.Select(e => e.ToString())];

    [Fact]
    public void Columns_are_found_by_their_mapped_names_in_any_order_and_case()
    {
        var parser = new CsvBarParser(CsvColumnMapping.Parse("time=Timestamp,volume=Vol"), TimestampFormat.Iso8601);

        var parsed = Parse(parser, "VOL,close,Open,HIGH,low,timestamp\n900,1.5,1,2,0.5,2024-01-03T14:30:00Z\n");

        Assert.Empty(Errors(parsed));
        var bar = parsed.Symbols[0].Bars[0];
        Assert.Equal((new DateTimeOffset(2024, 1, 3, 14, 30, 0, TimeSpan.Zero), 1m, 2m, 0.5m, 1.5m, 900m), (bar.Time, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Fact]
    public void Local_times_in_a_custom_format_are_read_in_the_given_zone()
    {
        var parser = new CsvBarParser(CsvColumnMapping.Default, TimestampFormat.Create("dd.MM.yyyy HH:mm", s_berlin), ';');

        var parsed = Parse(parser, "time;open;high;low;close;volume\n03.01.2024 15:30;1,5;2;1;1;10\n01.07.2024 15:30;1;2;1;1;10\n");

        // 1,5 is no number with a decimal point; Berlin is UTC+1 in January (14:30Z) and UTC+2 in July (13:30Z).
        Assert.Equal(["bars.csv line 2, column 2 (open): '1,5' is not a number; expected a decimal like 12.50"], Errors(parsed));
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 13, 30, 0, TimeSpan.Zero), parsed.Symbols[0].Bars[0].Time);
        Assert.True(TimestampFormat.Create("dd.MM.yyyy HH:mm", s_berlin).TryParse("03.01.2024 15:30", out var january, out _));
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 14, 30, 0, TimeSpan.Zero), january);
    }

    [Theory]
    [InlineData("2024-01-03T09:30:00-05:00", "2024-01-03T14:30:00Z")]
    [InlineData("2024-01-03 09:30:00+0100", "2024-01-03T08:30:00Z")]
    [InlineData("2024-01-03T14:30:00.5Z", "2024-01-03T14:30:00.5Z")]
    [InlineData("2024-01-03T09:30", "2024-01-03T14:30:00Z")]
    [InlineData("2024-01-03", "2024-01-03T05:00:00Z")]
    public void Iso_times_with_an_offset_are_that_instant_and_those_without_are_New_York_time(string text, string utc)
    {
        Assert.True(TimestampFormat.Iso8601.TryParse(text, out var time, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_an_error()
    {
        // New York's clocks go from 02:00 to 03:00 on 10 March 2024.
        Assert.False(TimestampFormat.Iso8601.TryParse("2024-03-10T02:30:00", out _, out var error));
        Assert.Equal("'2024-03-10T02:30:00' does not exist in America/New_York: the clocks skip it when daylight saving time starts", error);
    }

    [Fact]
    public void A_symbol_column_groups_rows_by_upper_cased_symbol_in_order_of_first_appearance()
    {
        var parser = new CsvBarParser(CsvColumnMapping.Parse("symbol=ticker"), TimestampFormat.Iso8601);

        var parsed = Parse(parser, "ticker,time,open,high,low,close,volume\nmsft,2024-01-03,1,1,1,1,1\nAAPL,2024-01-03,2,2,2,2,2\nMSFT,2024-01-04,3,3,3,3,3\nbad sym,2024-01-04,3,3,3,3,3\n");

        Assert.Equal(["bars.csv line 5, column 1 (ticker): symbol 'BAD SYM' has ' ' at position 4; use upper-case letters, digits, '.', '/' or '-'"], Errors(parsed));
        Assert.Equal([("MSFT", 2), ("AAPL", 1)], parsed.Symbols.Select(s => (s.Symbol!.Value.Value, s.Bars.Count)));
    }

    [Fact]
    public void A_fixed_period_is_the_parser_s_and_otherwise_none()
    {
        Assert.Null(new CsvBarParser(CsvColumnMapping.Default, TimestampFormat.Iso8601).Period);
        Assert.Equal(BarPeriod.Day, new CsvBarParser(CsvColumnMapping.Default, TimestampFormat.Iso8601, ',', BarPeriod.Day).Period);
    }

    [Fact]
    public void An_unmatched_quote_is_an_error() =>
        Assert.Equal(["bars.csv line 2: a quote is never closed"],
            Errors(Parse(new CsvBarParser(CsvColumnMapping.Default, TimestampFormat.Iso8601), "time,open,high,low,close,volume\n2024-01-03,\"1,1,1,1,1\n")));

    [Fact]
    public void The_mapping_reports_every_unknown_repeated_or_empty_key_at_once()
    {
        var error = Assert.Throws<InvalidInputException>(() => CsvColumnMapping.Parse("time=T,price=P,time=U,open="));

        Assert.Equal(
        [
            "'price' is not a column key; use time, open, high, low, close, volume, symbol, adj_close",
            "'time' is given twice",
            "'open' needs a header name, as in open=Name",
        ], error.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Keys_left_out_of_the_mapping_keep_their_default_names()
    {
        var mapping = CsvColumnMapping.Parse("time=Date, adj_close = Adj Close");

        Assert.Equal(("Date", "open", "volume", null, "Adj Close"), (mapping.Time, mapping.Open, mapping.Volume, mapping.Symbol, mapping.AdjustedClose));
    }
}
