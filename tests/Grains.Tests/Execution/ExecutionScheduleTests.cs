using Meridian.Grains.Domain;
using Meridian.Grains.Execution;

namespace Meridian.Grains.Tests.Execution;

public sealed class ExecutionScheduleTests
{
    private static readonly TimeSpan s_fiveHours = TimeSpan.FromHours(5);

    private static decimal[] Quantities(ExecutionSchedule schedule) => [.. schedule.Slices.Select(s => s.Quantity.Value)];

    [Fact]
    public void TWAP_splits_into_equal_slices_one_interval_apart_from_the_start()
    {
        var schedule = TwapSchedule.Create(Quantity.Of(1_000m), s_fiveHours, 5);

        Assert.Equal([200m, 200m, 200m, 200m, 200m], Quantities(schedule));
        Assert.Equal([0, 1, 2, 3, 4], schedule.Slices.Select(s => s.Offset.TotalHours));
    }

    [Fact]
    public void A_remainder_goes_where_the_rounded_cumulative_quantity_steps_up()
    {
        // Done after each slice: 200.6, 401.2, 601.8, 802.4, 1003 -> 201, 401, 602, 802, 1003.
        Assert.Equal([201m, 200m, 201m, 200m, 201m], Quantities(TwapSchedule.Create(Quantity.Of(1_003m), s_fiveHours, 5)));
    }

    [Fact]
    public void Halves_round_away_from_zero()
    {
        // Done after each slice: 250.5, 501, 751.5, 1002 -> 251, 501, 752, 1002.
        Assert.Equal([251m, 250m, 251m, 250m], Quantities(TwapSchedule.Create(Quantity.Of(1_002m), s_fiveHours, 4)));
    }

    [Fact]
    public void Fewer_shares_than_slices_leaves_some_slices_empty()
    {
        // Done: 0.6, 1.2, 1.8, 2.4, 3 -> 1, 1, 2, 2, 3.
        Assert.Equal([1m, 0m, 1m, 0m, 1m], Quantities(TwapSchedule.Create(Quantity.Of(3m), s_fiveHours, 5)));
    }

    [Fact]
    public void VWAP_follows_the_volume_profile_and_adds_up_exactly()
    {
        // Profile 10, 30, 0, 40, 20 of 100: done 0.1, 0.4, 0.4, 0.8, 1 of 1,001 -> 100.1, 400.4, 400.4, 800.8, 1001
        // -> 100, 400, 400, 801, 1001.
        var schedule = VwapSchedule.Create(Quantity.Of(1_001m), s_fiveHours, [10m, 30m, 0m, 40m, 20m]);

        Assert.Equal([100m, 300m, 0m, 401m, 200m], Quantities(schedule));
        Assert.Equal(1_001m, schedule.Total.Value);
    }

    [Fact]
    public void A_volume_profile_with_no_volume_is_refused() =>
        Assert.Throws<ArgumentException>(() => VwapSchedule.Create(Quantity.Of(100m), s_fiveHours, [0m, 0m]));

    [Fact]
    public void Almgren_Chriss_slices_round_the_papers_trajectory()
    {
        // The λ = 2e-6 trajectory of the paper's example, per share: 1, 0.428599, 0.182933, 0.076296, 0.027643, 0.
        // Of 1,000 shares, done: 571.401, 817.067, 923.704, 972.357, 1000 -> 571, 817, 924, 972, 1000.
        var schedule = AlmgrenChrissSchedule.Create(Quantity.Of(1_000m), TimeSpan.FromDays(5), 5, PaperExample.WithRiskAversion(2e-6));

        Assert.Equal([571m, 246m, 107m, 48m, 28m], Quantities(schedule));
        Assert.Equal([0, 1, 2, 3, 4], schedule.Slices.Select(s => s.Offset.TotalDays));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(999)]
    [InlineData(123_457)]
    public void Every_schedule_adds_up_to_the_parent_quantity(int shares)
    {
        var total = Quantity.Of(shares);
        ExecutionSchedule[] schedules =
        [
            TwapSchedule.Create(total, s_fiveHours, 7),
            VwapSchedule.Create(total, s_fiveHours, [3m, 1m, 4m, 1m, 5m, 9m, 2m]),
            AlmgrenChrissSchedule.Create(total, TimeSpan.FromDays(5), 7, PaperExample.WithRiskAversion(2e-6)),
        ];

        Assert.All(schedules, s => Assert.Equal(total, s.Total));
        Assert.All(schedules, s => Assert.All(s.Slices, slice => Assert.Equal(decimal.Truncate(slice.Quantity.Value), slice.Quantity.Value)));
    }
}
