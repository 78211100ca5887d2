using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;
using static Meridian.Grains.Tests.MarketData.History.TestSeries;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class AdjustedCloseDividendsTests
{
    private static SourceBar Bar(int line, string date, decimal close, decimal? adjustedClose) =>
        new("xyz.csv", line, TradingDay.Start(Date(date)), close, close, close, close, 100m, adjustedClose);

    [Fact]
    public void A_step_in_adj_close_over_close_is_a_dividend_of_the_previous_close_times_the_drop()
    {
        // k = 39.60 / 40.00 = 0.99 before, 39.80 / 39.80 = 1 on the 6th: D = 40.00 x (1 - 0.99 / 1) = 0.40.
        var (dividends, errors) = AdjustedCloseDividends.Derive(Xyz,
        [
            Bar(2, "2024-03-04", 40.00m, 39.60m),
            Bar(3, "2024-03-05", 40.00m, 39.60m),
            Bar(4, "2024-03-06", 39.80m, 39.80m),
        ]);

        Assert.True(errors.IsEmpty);
        Assert.Equal([Dividend("2024-03-06", 0.40m)], dividends);
    }

    [Fact]
    public void A_derived_dividend_is_rounded_to_four_places()
    {
        // k = 32.99967 / 33.333 = 0.99, then 1: D = 33.333 x (1 - 0.99) = 0.33333, rounded to 0.3333.
        var (dividends, _) = AdjustedCloseDividends.Derive(Xyz,
        [
            Bar(2, "2024-03-04", 33.333m, 32.99967m),
            Bar(3, "2024-03-05", 33.000m, 33.000m),
        ]);

        Assert.Equal([Dividend("2024-03-05", 0.3333m)], dividends);
    }

    [Fact]
    public void Rounding_wobble_in_the_adjusted_close_is_no_dividend()
    {
        // k = 0.99 exactly, then 41.01 x 0.99 = 40.5999 written as 40.60: k(prev)/k = 0.99 x 41.01 / 40.60 = 0.99999852,
        // a move of 1.5e-6 against a tolerance of 2 x (0.005/39.60 + 0.005/40.00 + 0.005/40.60 + 0.005/41.01), about 1e-3.
        var (dividends, errors) = AdjustedCloseDividends.Derive(Xyz,
        [
            Bar(2, "2024-03-04", 40.00m, 39.60m),
            Bar(3, "2024-03-05", 41.01m, 40.60m),
        ]);

        Assert.True(errors.IsEmpty);
        Assert.Empty(dividends);
    }

    [Fact]
    public void A_ratio_that_doubles_looks_like_a_split_and_is_an_error_naming_the_line()
    {
        // k = 1, then 100 / 50 = 2: it would be a dividend of -100% of the close.
        var (dividends, errors) = AdjustedCloseDividends.Derive(Xyz,
        [
            Bar(2, "2024-03-04", 100.00m, 100.00m),
            Bar(3, "2024-03-05", 50.00m, 100.00m),
        ]);

        Assert.Empty(dividends);
        var error = Assert.Single(errors.Kept);
        Assert.Equal(("xyz.csv", 3), (error.File, error.Line));
        Assert.StartsWith("Adj Close / Close moves by a factor of 2 from line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("looks like a split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_of_more_than_a_quarter_of_the_price_is_no_dividend()
    {
        // k = 0.7 then 1: a dividend of 30% of the close.
        var (_, errors) = AdjustedCloseDividends.Derive(Xyz,
        [
            Bar(2, "2024-03-04", 10.00m, 7.00m),
            Bar(3, "2024-03-05", 7.00m, 7.00m),
        ]);

        Assert.Equal(1, errors.Count);
    }

    [Fact]
    public void Bars_without_an_adjusted_close_are_passed_over()
    {
        // The middle bar has none: the first and last compare, k = 0.99 then 1: D = 40 x 0.01 = 0.40.
        var (dividends, _) = AdjustedCloseDividends.Derive(Xyz,
        [
            Bar(2, "2024-03-04", 40.00m, 39.60m),
            Bar(3, "2024-03-05", 40.00m, null),
            Bar(4, "2024-03-06", 39.80m, 39.80m),
        ]);

        Assert.Equal([Dividend("2024-03-06", 0.40m)], dividends);
    }
}
