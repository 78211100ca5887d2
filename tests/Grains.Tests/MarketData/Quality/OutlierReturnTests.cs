using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;
using static Meridian.Grains.Tests.MarketData.Quality.GateFixture;

namespace Meridian.Grains.Tests.MarketData.Quality;

/// <summary>Close-to-close returns against the default limit of ±50%, compared with the last accepted bar.</summary>
public sealed class OutlierReturnTests
{
    [Fact]
    public void Rise_of_exactly_the_limit_is_accepted()
    {
        var result = Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 150m));

        Assert.Empty(result.Quarantined);
        Assert.Empty(result.LevelShifts);
    }

    [Fact]
    public void Fall_of_exactly_the_limit_is_accepted() =>
        Assert.Empty(Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 50m)).Quarantined);

    [Fact]
    public void Spike_a_cent_past_the_limit_that_goes_back_is_quarantined_and_the_next_bar_is_not()
    {
        // 150.01 / 100 - 1 = +50.01%; the next close 100 is nearer to 100 than to 150.01
        var result = Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 150.01m), Flat(4, "2024-01-04", 100m));

        Assert.Equal([2, 4], AcceptedLines(result));
        Assert.Equal(
            "orcl.csv line 3: close 150.01 is a return of +50.01% from line 2's close 100, beyond the limit of ±50%, " +
            "and line 4's close 100 is back nearer to the level before (100) than to it",
            Single(result, QualityRule.OutlierReturn).Reason);
    }

    [Fact]
    public void Bar_after_a_bad_print_is_compared_with_the_last_accepted_bar()
    {
        // 101 is +1% from 100 (accepted), though +910% from the print of 10
        var result = Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 10m), Flat(4, "2024-01-04", 101m), Flat(5, "2024-01-05", 102m));

        Assert.Equal([2, 4, 5], AcceptedLines(result));
        Assert.Empty(result.LevelShifts);
    }

    [Fact]
    public void Lasting_jump_confirmed_by_the_next_bar_is_accepted_and_reported_as_a_level_shift()
    {
        // +60% to 160; the next close 158 is nearer to 160 than to 100
        var result = Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 160m), Flat(4, "2024-01-04", 158m));

        Assert.Empty(result.Quarantined);
        var shift = Assert.Single(result.LevelShifts);
        Assert.Equal(3, shift.Bar.Line);
        Assert.Equal(0.6m, shift.Return);
        Assert.Equal(
            "orcl.csv line 3: close 160 is a return of +60% from line 2's close 100, beyond the limit of ±50%, " +
            "but line 4's close 158 is nearer to it (160) than to the level before (100), so the new level is accepted",
            shift.Reason);
    }

    [Fact]
    public void Next_close_exactly_at_the_geometric_mean_counts_as_going_back()
    {
        // sqrt(100 x 225) = 150: as far from 100 as from 225 in log terms (x1.5 each way); 150 is then +50% from 100
        var result = Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 225m), Flat(4, "2024-01-04", 150m));

        Assert.Equal(3, Single(result, QualityRule.OutlierReturn).Bar.Line);
        Assert.Equal([2, 4], AcceptedLines(result));
    }

    [Fact]
    public void Jump_in_the_last_bar_is_quarantined_as_unconfirmed() =>
        Assert.Equal(
            "orcl.csv line 3: close 200 is a return of +100% from line 2's close 100, beyond the limit of ±50%, and no later bar confirms the new level",
            Single(Check(Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 200m)), QualityRule.OutlierReturn).Reason);

    [Fact]
    public void Split_day_is_not_an_outlier()
    {
        // NVDA's 10-for-1 split went ex on Monday 10 June 2024: 121.79 x 10 / 1208.88 - 1 = +0.75%
        CorporateAction[] split = [new(Orcl, D("2024-06-10"), CorporateActionKind.Split, 10m)];

        var result = Check(split, Flat(2, "2024-06-07", 1208.88m), Flat(3, "2024-06-10", 121.79m), Flat(4, "2024-06-11", 120.91m));

        Assert.Empty(result.Quarantined);
        Assert.Empty(result.LevelShifts);
    }

    [Fact]
    public void Split_day_without_its_split_is_a_jump() =>
        // -89.9% and the next bar stays at the new level
        Assert.Single(Check(Flat(2, "2024-06-07", 1208.88m), Flat(3, "2024-06-10", 121.79m), Flat(4, "2024-06-11", 120.91m)).LevelShifts);

    [Fact]
    public void Reverse_split_day_is_not_an_outlier()
    {
        // 1-for-10: 20.50 x 0.1 / 2.00 - 1 = +2.5%
        CorporateAction[] split = [new(Orcl, D("2024-06-10"), CorporateActionKind.Split, 0.1m)];

        Assert.Empty(Check(split, Flat(2, "2024-06-07", 2.00m), Flat(3, "2024-06-10", 20.50m)).Quarantined);
    }

    [Fact]
    public void Splits_of_other_symbols_do_not_adjust()
    {
        CorporateAction[] split = [new(Symbol.Parse("NVDA"), D("2024-06-10"), CorporateActionKind.Split, 10m)];

        Assert.Equal(3, Single(Check(split, Flat(2, "2024-06-07", 1208.88m), Flat(3, "2024-06-10", 121.79m)), QualityRule.OutlierReturn).Bar.Line);
    }

    [Fact]
    public void Spike_across_a_split_says_its_return_is_split_adjusted()
    {
        // 2-for-1 ex 2024-06-10: 80 x 2 / 50 - 1 = +220%; the next close 26 is 52 before the split, nearer to 50 than to 160
        CorporateAction[] split = [new(Orcl, D("2024-06-10"), CorporateActionKind.Split, 2m)];

        var result = Check(split, Flat(2, "2024-06-07", 50m), Flat(3, "2024-06-10", 80m), Flat(4, "2024-06-11", 26m));

        Assert.Equal(
            "orcl.csv line 3: close 80 is a split-adjusted return of +220% from line 2's close 50, beyond the limit of ±50%, " +
            "and line 4's close 26 is back nearer to the level before (25) than to it",
            Single(result, QualityRule.OutlierReturn).Reason);
    }

    [Fact]
    public void Split_with_a_ratio_of_zero_is_refused()
    {
        CorporateAction[] split = [new(Orcl, D("2024-06-10"), CorporateActionKind.Split, 0m)];

        var error = Assert.Throws<InvalidInputException>(() => Check(split, Flat(2, "2024-06-07", 50m)));

        Assert.Equal("value", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void A_stricter_limit_quarantines_smaller_spikes()
    {
        var rules = new QualityRules { MaxAbsoluteReturn = 0.1m };

        var result = Check(rules, OneDay, [], Flat(2, "2024-01-02", 100m), Flat(3, "2024-01-03", 110.01m), Flat(4, "2024-01-04", 100m));

        Assert.Equal(3, Single(result, QualityRule.OutlierReturn).Bar.Line);
    }
}
