using System.Text;
using Meridian.Grains.MarketData.Import;

namespace Meridian.Grains.Tests.MarketData.Import;

public sealed class YahooCsvTests
{
    private const string Header = "Date,Open,High,Low,Close,Adj Close,Volume\n";

    internal static ParsedBarFile Parse(IBarFileParser parser, string file, string text) =>
        parser.Parse(file, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static ParsedBarFile Parse(string text) => Parse(YahooCsv.Parser, "orcl.csv", text);

    private static string[] Errors(ParsedBarFile parsed) => [.. parsed.Errors.Kept.Select(e => e.ToString())];

    [Fact]
    public void A_row_is_a_daily_bar_stamped_at_midnight_New_York_in_UTC()
    {
        var parsed = Parse(Header + "2024-01-03,10.5,11.25,10.25,11.0,10.9,1200\n2024-07-01,1,2,0.5,1.5,1.4,300\n");

        Assert.Empty(Errors(parsed));
        var rows = Assert.Single(parsed.Symbols);
        Assert.Null(rows.Symbol);
        var january = rows.Bars[0];
        // 00:00 EST (UTC-5) on 3 January is 05:00Z; 00:00 EDT (UTC-4) on 1 July is 04:00Z.
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 5, 0, 0, TimeSpan.Zero), january.Time);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 4, 0, 0, TimeSpan.Zero), rows.Bars[1].Time);
        Assert.Equal(("orcl.csv", 2, 10.5m, 11.25m, 10.25m, 11.0m, 1200m, 10.9m),
            (january.File, january.Line, january.Open, january.High, january.Low, january.Close, january.Volume, january.AdjustedClose));
        Assert.Equal(TimeSpan.FromDays(1), YahooCsv.Parser.Period);
    }

    [Fact]
    public void A_null_row_is_an_error_naming_its_line() =>
        Assert.Equal(["orcl.csv line 3: every value is 'null' (Yahoo writes such rows for days it has no prices for); delete the row"],
            Errors(Parse(Header + "2024-01-03,1,2,0.5,1.5,1.5,100\n2024-01-04,null,null,null,null,null,null\n")));

    [Fact]
    public void A_value_that_is_no_number_is_an_error_naming_file_line_column_and_header() =>
        Assert.Equal(["orcl.csv line 2, column 5 (Close): '12,5x' is not a number; expected a decimal like 12.50"],
            Errors(Parse(Header + "2024-01-03,1,2,0.5,\"12,5x\",1.5,100\n")));

    [Fact]
    public void A_date_in_another_form_is_an_error_saying_the_form_expected() =>
        Assert.Equal(["orcl.csv line 2, column 1 (Date): '01/03/2024' is not a time; expected the format 'yyyy-MM-dd'"],
            Errors(Parse(Header + "01/03/2024,1,2,0.5,1.5,1.5,100\n")));

    [Fact]
    public void Every_error_of_a_file_is_collected_up_to_fifty_with_a_count_of_the_rest()
    {
        var text = new StringBuilder(Header);
        for (var day = 1; day <= 60; day++)
            text.Append("2024-01-01,x,2,0.5,1.5,1.5,100\n");

        var errors = Parse(text.ToString()).Errors;

        Assert.Equal((60, 50, 10), (errors.Count, errors.Kept.Count, errors.Omitted));
        // The 50th bad row, the last kept, is on line 51 (the header is line 1).
        Assert.Equal("orcl.csv line 51, column 2 (Open): 'x' is not a number; expected a decimal like 12.50", errors.Kept[49].ToString());
        Assert.EndsWith("... and 10 more errors", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_and_negative_values_read_fine_for_the_quality_gate_to_judge()
    {
        var parsed = Parse(Header + "2024-01-03,0,2,-1,1.5,1.5,-100\n");

        Assert.Empty(Errors(parsed));
        var bar = parsed.Symbols[0].Bars[0];
        Assert.Equal((0m, -1m, -100m), (bar.Open, bar.Low, bar.Volume));
    }

    [Fact]
    public void Floating_point_noise_past_nine_decimal_places_is_rounded_away() =>
        // 10.100000000000001 to nine places is 10.100000000.
        Assert.Equal(10.1m, Parse(Header + "2024-01-03,10.100000000000001,11,10,10.5,10.5,1\n").Symbols[0].Bars[0].Open);

    [Fact]
    public void A_header_without_adj_close_is_an_error_naming_the_missing_column() =>
        Assert.Equal(["orcl.csv line 1: the header has no column 'Adj Close' for the adj close (it has: Date, Open, High, Low, Close, Volume)"],
            Errors(Parse("Date,Open,High,Low,Close,Volume\n2024-01-03,1,2,0.5,1.5,100\n")));

    [Fact]
    public void A_line_with_a_field_too_many_is_an_error() =>
        Assert.Equal(["orcl.csv line 2: has 8 fields; the header has 7 (is there an unquoted ',' inside a value?)"],
            Errors(Parse(Header + "2024-01-03,1,2,0.5,12,5,1.5,100\n")));

    [Fact]
    public void An_empty_file_expects_a_header() =>
        Assert.Equal(["orcl.csv line 1: expected a header line naming the columns Date, Open, High, Low, Close, Volume, Adj Close"], Errors(Parse("")));

    [Fact]
    public void A_header_with_no_bars_is_an_error() =>
        Assert.Equal(["orcl.csv: holds no bars"], Errors(Parse(Header + "\n")));
}
