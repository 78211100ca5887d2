using Meridian.Grains.MarketData.Quality;
using static Meridian.Grains.Tests.MarketData.Quality.GateFixture;

namespace Meridian.Grains.Tests.MarketData.Quality;

/// <summary>The rules a bar breaks on its own: each at its limit (accepted) and a cent past it (quarantined).</summary>
public sealed class PriceRuleTests
{
    [Fact]
    public void Low_equal_to_open_is_accepted() =>
        Assert.Empty(Check(Daily(2, "2024-01-03", 12.30m, 12.50m, 12.30m, 12.40m)).Quarantined);

    [Fact]
    public void Low_a_cent_above_open_is_quarantined_naming_file_line_and_values()
    {
        var quarantined = Single(Check(Daily(17, "2024-01-03", 12.30m, 12.50m, 12.31m, 12.40m)), QualityRule.OhlcInconsistent);

        Assert.Equal("orcl.csv line 17: low 12.31 is above open 12.30", quarantined.Reason);
    }

    [Fact]
    public void Low_equal_to_close_is_accepted() =>
        Assert.Empty(Check(Daily(2, "2024-01-03", 12.40m, 12.50m, 12.30m, 12.30m)).Quarantined);

    [Fact]
    public void Low_a_cent_above_close_is_quarantined() =>
        Assert.Equal(
            "orcl.csv line 2: low 12.31 is above close 12.30",
            Single(Check(Daily(2, "2024-01-03", 12.40m, 12.50m, 12.31m, 12.30m)), QualityRule.OhlcInconsistent).Reason);

    [Fact]
    public void Close_equal_to_high_is_accepted() =>
        Assert.Empty(Check(Daily(2, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.50m)).Quarantined);

    [Fact]
    public void Close_a_cent_above_high_is_quarantined() =>
        Assert.Equal(
            "orcl.csv line 2: high 12.50 is below close 12.51",
            Single(Check(Daily(2, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.51m)), QualityRule.OhlcInconsistent).Reason);

    [Fact]
    public void Open_a_cent_above_high_is_quarantined() =>
        Assert.Equal(
            "orcl.csv line 2: high 12.50 is below open 12.51",
            Single(Check(Daily(2, "2024-01-03", 12.51m, 12.50m, 12.20m, 12.40m)), QualityRule.OhlcInconsistent).Reason);

    [Fact]
    public void Low_above_high_names_every_comparison_that_fails() =>
        Assert.Equal(
            "orcl.csv line 2: low 10.01 is above open 10, low 10.01 is above close 10, low 10.01 is above high 10",
            Single(Check(Daily(2, "2024-01-03", 10m, 10m, 10.01m, 10m)), QualityRule.OhlcInconsistent).Reason);

    [Fact]
    public void Smallest_positive_prices_are_accepted() =>
        Assert.Empty(Check(Flat(2, "2024-01-03", 0.0001m)).Quarantined);

    [Fact]
    public void Zero_open_and_low_are_quarantined_as_non_positive() =>
        // low 0 <= open 0 <= high 1 and close 1 <= high: consistent, but not prices
        Assert.Equal(
            "orcl.csv line 2: open 0 is not positive, low 0 is not positive",
            Single(Check(Daily(2, "2024-01-03", 0m, 1m, 0m, 1m)), QualityRule.NonPositivePrice).Reason);

    [Fact]
    public void Zero_volume_is_accepted() =>
        Assert.Empty(Check(Daily(2, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.40m, volume: 0m)).Quarantined);

    [Fact]
    public void Volume_of_minus_one_is_quarantined() =>
        Assert.Equal(
            "orcl.csv line 2: volume -1 is negative",
            Single(Check(Daily(2, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.40m, volume: -1m)), QualityRule.NegativeVolume).Reason);

    [Fact]
    public void Bar_breaking_several_rules_is_quarantined_under_the_first_and_names_the_others()
    {
        var quarantined = Single(Check(Daily(9, "2024-01-03", -1m, 12.50m, 12.40m, 12.45m, volume: -5m)), QualityRule.OhlcInconsistent);

        Assert.Equal("orcl.csv line 9: low 12.40 is above open -1; also open -1 is not positive; also volume -5 is negative", quarantined.Reason);
    }

    [Fact]
    public void Every_bar_is_either_accepted_or_quarantined()
    {
        var result = Check(
            Flat(2, "2024-01-02", 10m),
            Daily(3, "2024-01-03", 10m, 10m, 11m, 10m),
            Flat(4, "2024-01-03", 10m),
            Flat(5, "2024-01-03", 10.5m),
            Flat(6, "2024-01-01", 10m),
            Flat(7, "2024-01-04", 40m),
            Flat(8, "2024-01-05", 10m));

        Assert.Equal([2, 8], AcceptedLines(result));
        Assert.Equal([3, 4, 5, 6, 7], result.Quarantined.Select(q => q.Bar.Line));
    }
}
