using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Synthetic;

namespace Meridian.Grains.Tests.MarketData.Synthetic;

public sealed class SettingsValidationTests
{
    [Fact]
    public void Default_settings_are_valid() => Assert.Empty(new SyntheticMarketSettings().Validate());

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var settings = new SyntheticMarketSettings
        {
            SymbolCount = 3,
            SymbolNames = ["ACME", "acme", "ACME"],
            Start = new(1989, 1, 1),
            End = new(1988, 1, 1),
            Period = TimeSpan.FromMinutes(7),
            MinStartPrice = 0.5m,
            MaxStartPrice = 0.4m,
            MinAnnualDrift = double.NaN,
            MaxAnnualDrift = 2,
            MinBeta = 1.5,
            MaxBeta = 1.0,
            MinIdiosyncraticVolatility = -0.1,
            MarketVolatility = -1,
            SectorVolatility = double.PositiveInfinity,
            SectorCount = 0,
            MinDailyVolume = 0,
            Regimes = VolatilityRegimes.Default with { StressedMultiplier = 0, FromNormal = new(0.5, 0.4, 0.2) },
        };

        var error = Assert.Throws<InvalidInputException>(() => SyntheticMarket.Generate(settings));

        Assert.Equal(
            [
                "symbol_names[1]", "symbol_names[2]", "start", "end", "period", "min_start_price", "max_start_price",
                "min_annual_drift", "max_annual_drift", "max_beta", "min_idiosyncratic_volatility", "min_daily_volume",
                "market_volatility", "sector_volatility", "sector_count", "regimes.stressed_multiplier", "regimes.from_normal",
            ],
            error.Errors.Select(e => e.Field));
        Assert.StartsWith("synthetic market settings is invalid: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbol_count_that_disagrees_with_the_names_is_reported() =>
        Assert.Equal(
            "symbol_count: 3 differs from the 2 symbol_names given; leave it unset",
            Assert.Single(new SyntheticMarketSettings { SymbolCount = 3, SymbolNames = ["A", "B"] }.Validate()).ToString());

    [Fact]
    public void A_lowercase_name_is_reported_with_what_is_wrong() =>
        Assert.Equal(
            "symbol_names[0]: symbol 'acme' has 'a' at position 1; use upper-case letters, digits, '.', '/' or '-'",
            Assert.Single(new SyntheticMarketSettings { SymbolNames = ["acme"] }.Validate()).ToString());

    [Fact]
    public void Dates_with_no_trading_day_are_reported() =>
        // Saturday 4 and Sunday 5 January 2025
        Assert.Equal(
            "end: there is no trading day from 2025-01-04 to 2025-01-05",
            Assert.Single(new SyntheticMarketSettings { Start = new(2025, 1, 4), End = new(2025, 1, 5) }.Validate()).ToString());

    [Fact]
    public void Too_many_bars_are_refused_before_any_is_made()
    {
        // 10,000 symbols x 2,515 days x 390 one-minute bars
        var settings = new SyntheticMarketSettings { SymbolCount = 10_000, Period = TimeSpan.FromMinutes(1) };

        Assert.Equal("end", Assert.Single(settings.Validate()).Field);
    }

    [Fact]
    public void Missing_name_list_is_reported_rather_than_failing() =>
        Assert.Equal("symbol_names", Assert.Single(new SyntheticMarketSettings { SymbolNames = null! }.Validate()).Field);

    [Fact]
    public void Transition_probabilities_must_sum_to_one() =>
        Assert.Equal(
            "regimes.from_calm: (0.5, 0.2, 0.2) sum to 0.9, not 1",
            Assert.Single(new SyntheticMarketSettings { Regimes = VolatilityRegimes.Default with { FromCalm = new(0.5, 0.2, 0.2) } }.Validate()).ToString());
}
