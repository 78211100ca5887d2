using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Import;

namespace Meridian.Grains.Tests.MarketData.Import;

public sealed class AlpacaBarsParserTests
{
    private static ParsedBarFile Parse(string json) => YahooCsvTests.Parse(new AlpacaBarsParser(), "bars.json", json);

    private static string[] Errors(ParsedBarFile parsed) => [.. parsed.Errors.Kept.Select(e => e.ToString())];

    [Fact]
    public void A_single_symbol_response_gives_that_symbol_its_bars_whatever_the_field_order()
    {
        var parsed = Parse("""
            {"bars":[
              {"t":"2024-01-03T05:00:00Z","o":184.22,"h":185.88,"l":183.43,"c":184.25,"v":58414460,"n":656956,"vw":184.319693},
              {"t":"2024-01-04T05:00:00Z","o":182.15,"h":183.0872,"l":180.88,"c":181.91,"v":71983570,"n":712847,"vw":181.915853}
            ],"symbol":"AAPL","next_page_token":null}
            """);

        Assert.Empty(Errors(parsed));
        var rows = Assert.Single(parsed.Symbols);
        Assert.Equal(Symbol.Parse("AAPL"), rows.Symbol);
        Assert.Equal(2, rows.Bars.Count);
        var bar = rows.Bars[1];
        Assert.Equal((new DateTimeOffset(2024, 1, 4, 5, 0, 0, TimeSpan.Zero), 182.15m, 183.0872m, 180.88m, 181.91m, 71983570m, (decimal?)null),
            (bar.Time, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.AdjustedClose));
        Assert.Equal(("bars.json", 3), (bar.File, bar.Line));
        Assert.Null(new AlpacaBarsParser().Period);
    }

    [Fact]
    public void A_multi_symbol_response_gives_each_symbol_its_bars()
    {
        var parsed = Parse("""
            {"bars":{"AAPL":[{"t":"2024-01-03T14:30:00Z","o":1,"h":2,"l":0.5,"c":1.5,"v":10}],
                     "MSFT":[{"t":"2024-01-03T14:30:00Z","o":3,"h":4,"l":2.5,"c":3.5,"v":20},{"t":"2024-01-03T14:35:00Z","o":3,"h":4,"l":2.5,"c":3.5,"v":20}]},
             "next_page_token":"QUFQTHxNfDIwMjQ=","currency":"USD"}
            """);

        Assert.Empty(Errors(parsed));
        Assert.Equal([("AAPL", 1), ("MSFT", 2)], parsed.Symbols.Select(s => (s.Symbol!.Value.Value, s.Bars.Count)));
    }

    [Fact]
    public void Unknown_fields_anywhere_are_ignored()
    {
        var parsed = Parse("""{"bars":[{"t":"2024-01-03T14:30:00Z","x":{"deep":[1,2]},"o":1,"h":2,"l":0.5,"c":1.5,"v":10}],"extra":[{"a":1}],"symbol":"AAPL"}""");

        Assert.Empty(Errors(parsed));
        Assert.Single(parsed.Symbols[0].Bars);
    }

    [Fact]
    public void A_bar_without_its_close_is_an_error_on_the_bar_s_line()
    {
        var parsed = Parse("""
            {"symbol":"AAPL","bars":[
              {"t":"2024-01-03T14:30:00Z","o":1,"h":2,"l":0.5,"c":1.5,"v":10},
              {"t":"2024-01-03T14:35:00Z","o":1,"h":2,"l":0.5,"v":10}
            ]}
            """);

        Assert.Equal(["bars.json line 3 (c): is missing; a bar needs t, o, h, l, c and v"], Errors(parsed));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_an_error_naming_field_and_line()
    {
        var parsed = Parse("""
            {"symbol":"AAPL","bars":[
              {"t":"2024-01-03T14:30:00Z",
               "o":"1.5","h":2,"l":0.5,"c":1.5,"v":10},
              {"t":"yesterday","o":1,"h":2,"l":0.5,"c":1.5,"v":10}
            ]}
            """);

        Assert.Equal(
        [
            "bars.json line 3 (o): '1.5' is not a number; expected a decimal like 12.50",
            "bars.json line 4 (t): 'yesterday' is not a time; expected ISO 8601 like 2024-01-03, 2024-01-03T09:30:00 or 2024-01-03T14:30:00Z",
        ], Errors(parsed));
    }

    [Fact]
    public void Broken_JSON_is_an_error_on_the_line_the_reader_stopped_at()
    {
        var parsed = Parse("{\"symbol\":\"AAPL\",\n\"bars\":[\n{\"t\":\"2024-01-03T14:30:00Z\",\"o\":1 \"h\":2}\n]}");

        var error = Assert.Single(parsed.Errors.Kept);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("is not valid JSON:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_no_symbol_is_an_error() =>
        Assert.Equal(["bars.json line 1 (symbol): symbol 'aapl' has 'a' at position 1; use upper-case letters, digits, '.', '/' or '-'"],
            Errors(Parse("""{"bars":{"aapl":[{"t":"2024-01-03T14:30:00Z","o":1,"h":2,"l":0.5,"c":1.5,"v":10}]}}""")));
}
