using Meridian.Grains.MarketData.Quality;
using static Meridian.Grains.Tests.MarketData.Quality.GateFixture;

namespace Meridian.Grains.Tests.MarketData.Quality;

/// <summary>Duplicate and out-of-order times.</summary>
public sealed class TimeRuleTests
{
    [Fact]
    public void Identical_duplicate_keeps_the_first_copy_and_quarantines_the_rest()
    {
        var result = Check(
            Daily(2, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.40m),
            Daily(3, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.40m),
            Daily(4, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.40m),
            Flat(5, "2024-01-04", 12.40m));

        Assert.Equal([2, 5], AcceptedLines(result));
        Assert.Equal([3, 4], result.Quarantined.Select(q => q.Bar.Line));
        Assert.All(result.Quarantined, q => Assert.Equal(QualityRule.DuplicateTime, q.Rule));
        Assert.Equal(
            "orcl.csv line 3: time 2024-01-03T05:00:00Z repeats line 2 with identical values; only the first copy is considered",
            result.Quarantined[0].Reason);
    }

    [Fact]
    public void Equal_values_written_differently_are_identical() =>
        // 12.3 and 12.30 are one price
        Assert.Single(Check(Flat(2, "2024-01-03", 12.3m), Flat(3, "2024-01-03", 12.30m)).Accepted);

    [Fact]
    public void Conflicting_duplicates_are_all_quarantined()
    {
        var result = Check(
            Flat(2, "2024-01-02", 12.20m),
            Daily(3, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.30m),
            Daily(4, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.35m),
            Flat(5, "2024-01-04", 12.40m));

        Assert.Equal([2, 5], AcceptedLines(result));
        Assert.Equal(
            [
                "orcl.csv line 3: time 2024-01-03T05:00:00Z is also on line 4 with different values (close 12.30 here, 12.35 on line 4); none is kept because nothing says which is right",
                "orcl.csv line 4: time 2024-01-03T05:00:00Z is also on line 3 with different values (close 12.35 here, 12.30 on line 3); none is kept because nothing says which is right",
            ],
            result.Quarantined.Select(q => q.Reason));
    }

    [Fact]
    public void Two_identical_copies_and_a_third_that_differs_are_all_quarantined() =>
        Assert.Equal(3, Check(Flat(2, "2024-01-03", 12.30m), Flat(3, "2024-01-03", 12.30m), Flat(4, "2024-01-03", 12.31m)).Quarantined.Count);

    [Fact]
    public void Copy_that_breaks_a_price_rule_does_not_make_the_good_copy_doubtful()
    {
        var result = Check(
            Daily(2, "2024-01-03", 12.30m, 12.50m, 12.31m, 12.40m),
            Daily(3, "2024-01-03", 12.30m, 12.50m, 12.20m, 12.40m));

        Assert.Equal([3], AcceptedLines(result));
        Assert.Equal(
            "orcl.csv line 2: low 12.31 is above open 12.30; also time 2024-01-03T05:00:00Z is also on line 3",
            Single(result, QualityRule.OhlcInconsistent).Reason);
    }

    [Fact]
    public void Bar_earlier_than_a_bar_before_it_in_the_file_is_quarantined()
    {
        var result = Check(
            Flat(2, "2024-01-02", 10m),
            Flat(3, "2024-01-04", 10m),
            Flat(4, "2024-01-03", 10m),
            Flat(5, "2024-01-05", 10m));

        Assert.Equal([2, 3, 5], AcceptedLines(result));
        Assert.Equal(
            "orcl.csv line 4: time 2024-01-03T05:00:00Z is earlier than 2024-01-04T05:00:00Z on line 3, a bar before it in the file",
            Single(result, QualityRule.OutOfOrderTime).Reason);
    }

    [Fact]
    public void Quarantined_bar_does_not_move_the_mark_that_later_bars_are_ordered_against()
    {
        // Line 3 is far in the future and broken; line 4 is still in order after line 2
        var result = Check(
            Flat(2, "2024-01-02", 10m),
            Daily(3, "2024-01-10", 10m, 10m, 10.5m, 10m),
            Flat(4, "2024-01-03", 10m));

        Assert.Equal([2, 4], AcceptedLines(result));
    }

    [Fact]
    public void Duplicate_that_is_also_out_of_order_says_both()
    {
        var result = Check(
            Flat(2, "2024-01-02", 10m),
            Flat(3, "2024-01-03", 10m),
            Flat(4, "2024-01-02", 10m));

        Assert.Equal(
            "orcl.csv line 4: time 2024-01-02T05:00:00Z repeats line 2 with identical values; only the first copy is considered; " +
            "also time 2024-01-02T05:00:00Z is earlier than 2024-01-03T05:00:00Z on line 3, a bar before it in the file",
            Single(result, QualityRule.DuplicateTime).Reason);
    }
}
