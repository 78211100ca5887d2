using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;
using Meridian.Grains.MarketData.Synthetic;

namespace Meridian.Grains.Tests.MarketData.Synthetic;

/// <summary>What the generator promises about its bars: determinism, calendar, names and clean data.</summary>
public sealed class SyntheticMarketTests
{
    private static readonly SyntheticMarketSettings s_twoYears = new() { Seed = 11, SymbolCount = 4, Start = new(2023, 1, 1), End = new(2024, 12, 31) };

    [Fact]
    public void Same_seed_gives_identical_series()
    {
        var first = SyntheticMarket.Generate(s_twoYears);
        var second = SyntheticMarket.Generate(s_twoYears);

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Symbol, second[i].Symbol);
            Assert.Equal(first[i].Times, second[i].Times);
            Assert.Equal(first[i].Open, second[i].Open);
            Assert.Equal(first[i].High, second[i].High);
            Assert.Equal(first[i].Low, second[i].Low);
            Assert.Equal(first[i].Close, second[i].Close);
            Assert.Equal(first[i].Volume, second[i].Volume);
        }
    }

    [Fact]
    public void Different_seed_gives_different_series()
    {
        var first = SyntheticMarket.Generate(s_twoYears);
        var other = SyntheticMarket.Generate(s_twoYears with { Seed = 12 });

        Assert.NotEqual(first[0].Close.ToArray(), other[0].Close.ToArray());
    }

    [Fact]
    public void A_symbol_s_bars_do_not_depend_on_how_many_symbols_there_are()
    {
        // Each symbol draws from its own stream on top of the shared market
        var four = SyntheticMarket.Generate(s_twoYears);
        var two = SyntheticMarket.Generate(s_twoYears with { SymbolCount = 2 });

        Assert.Equal(four[1].Close.ToArray(), two[1].Close.ToArray());
    }

    [Fact]
    public void Daily_bars_fall_on_every_trading_day_at_New_York_midnight()
    {
        var series = SyntheticMarket.Generate(s_twoYears)[0];

        // 2023 and 2024 have 250 and 252 trading days by the calendar's rules
        Assert.Equal(502, series.Count);
        Assert.Equal(TimeSpan.FromDays(1), series.Period);
        Assert.Equal(DateTimeOffset.Parse("2023-01-03T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture), series.TimeAt(0));
        Assert.Equal(DateTimeOffset.Parse("2024-12-31T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture), series.TimeAt(series.Count - 1));
    }

    [Fact]
    public void Default_names_are_SYN_and_a_three_digit_number() =>
        Assert.Equal(["SYN001", "SYN002", "SYN003", "SYN004"], SyntheticMarket.Generate(s_twoYears).Select(s => s.Symbol.Value));

    [Fact]
    public void Given_names_are_used_in_order() =>
        Assert.Equal(["ACME", "BRK.B"], SyntheticMarket.Generate(s_twoYears with { SymbolCount = null, SymbolNames = ["ACME", "BRK.B"] }).Select(s => s.Symbol.Value));

    [Fact]
    public void Ten_years_of_daily_bars_pass_the_quality_gate_untouched()
    {
        var settings = new SyntheticMarketSettings { Seed = 5, SymbolCount = 20 };

        foreach (var series in SyntheticMarket.Generate(settings))
            AssertClean(series);
    }

    [Fact]
    public void Five_minute_bars_fill_the_regular_session_and_pass_the_quality_gate_untouched()
    {
        var settings = new SyntheticMarketSettings { Seed = 5, SymbolCount = 3, Start = new(2024, 3, 1), End = new(2024, 3, 31), Period = TimeSpan.FromMinutes(5) };

        var generated = SyntheticMarket.Generate(settings);

        // March 2024: 20 trading days (Good Friday the 29th), 78 five-minute bars from 09:30 to 15:55
        Assert.Equal(20 * 78, generated[0].Count);
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T14:30:00Z", System.Globalization.CultureInfo.InvariantCulture), generated[0].TimeAt(0));
        Assert.Equal(DateTimeOffset.Parse("2024-03-28T19:55:00Z", System.Globalization.CultureInfo.InvariantCulture), generated[0].TimeAt(generated[0].Count - 1));
        foreach (var series in generated)
            AssertClean(series);
    }

    [Fact]
    public void Prices_stay_positive_and_whole_cents_even_for_a_falling_cheap_stock()
    {
        // Starting at $1 with a strongly negative drift, the path leans on the $1 floor
        var settings = s_twoYears with { MinStartPrice = 1m, MaxStartPrice = 1m, MinAnnualDrift = -1, MaxAnnualDrift = -1 };

        foreach (var series in SyntheticMarket.Generate(settings))
        {
            for (var i = 0; i < series.Count; i++)
            {
                Assert.True(series.Low[i] > 0m);
                Assert.Equal(series.Close[i], decimal.Round(series.Close[i], 2));
            }
            AssertClean(series);
        }
    }

    private static void AssertClean(BarSeries series)
    {
        var bars = new SourceBar[series.Count];
        for (var i = 0; i < series.Count; i++)
            bars[i] = new SourceBar("synthetic", i + 1, series.TimeAt(i), series.Open[i], series.High[i], series.Low[i], series.Close[i], series.Volume[i]);

        var result = new QualityGate(QualityRules.Default).Check(series.Symbol, series.Period, bars, []);

        Assert.Empty(result.Quarantined);
        Assert.Empty(result.MissingSessions);
        Assert.Empty(result.LevelShifts);
        Assert.All(bars, b => Assert.True(b.Volume > 0m));
    }
}
