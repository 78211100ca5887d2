using Meridian.Grains.Backtesting.Reports;

namespace Meridian.Grains.Tests.Backtesting.Reports;

public sealed class ChartScalesTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Value_ticks_fall_on_round_steps_that_cover_the_range()
    {
        // 99,990 .. 101,000 over at most 6 ticks: a rough step of 1010 / 5 = 202 rounds up to 500
        var scale = NiceScale.Covering(99990, 101000);

        Assert.Equal([99500, 100000, 100500, 101000], scale.Ticks());
        Assert.Equal(0, scale.Decimals);
    }

    [Fact]
    public void Small_fraction_ticks_have_the_decimals_their_step_needs()
    {
        // 0 .. -0.0123: rough step 0.00246 rounds up to 0.005
        var scale = NiceScale.Covering(-0.0123, 0);

        Assert.Equal([-0.015, -0.01, -0.005, 0], scale.Ticks());
        Assert.Equal(3, scale.Decimals);
    }

    [Fact]
    public void A_flat_range_is_widened_so_the_axis_has_a_height()
    {
        var scale = NiceScale.Covering(100000, 100000);

        Assert.True(scale.Min < 100000 && scale.Max > 100000);
    }

    [Fact]
    public void A_quarter_gets_a_tick_every_other_monday()
    {
        // 88 days: weekly would be 12 ticks, more than 8; every two weeks is 6. Friday 2 January's Monday is 29 December.
        var ticks = TimeTicks.Between(Utc(2026, 1, 2, 21), Utc(2026, 3, 31, 21));

        Assert.Equal(["2026-01-12", "2026-01-26", "2026-02-09", "2026-02-23", "2026-03-09", "2026-03-23"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_half_year_gets_month_ticks_on_the_first_of_each_month()
    {
        var ticks = TimeTicks.Between(Utc(2026, 1, 2, 21), Utc(2026, 6, 30, 21));

        Assert.Equal([(Utc(2026, 2, 1), "Feb 2026"), (Utc(2026, 3, 1), "Mar 2026"), (Utc(2026, 4, 1), "Apr 2026"), (Utc(2026, 5, 1), "May 2026"), (Utc(2026, 6, 1), "Jun 2026")], ticks);
    }

    [Fact]
    public void Ten_years_get_one_tick_a_year_or_fewer()
    {
        var ticks = TimeTicks.Between(Utc(2016, 1, 4), Utc(2025, 12, 31));

        Assert.Equal(["2018", "2020", "2022", "2024"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_single_day_gets_hour_ticks()
    {
        var ticks = TimeTicks.Between(Utc(2026, 1, 5, 14), Utc(2026, 1, 5, 21));

        Assert.Equal(["01-05 14:00", "01-05 15:00", "01-05 16:00", "01-05 17:00", "01-05 18:00", "01-05 19:00", "01-05 20:00", "01-05 21:00"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Downsampling_a_ten_year_daily_curve_keeps_its_extremes_and_ends()
    {
        var start = new DateTimeOffset(2016, 1, 4, 21, 0, 0, TimeSpan.Zero);
        // A saw-tooth with one deep trough at day 1234 and one high spike at day 2345.
        var points = Enumerable.Range(0, 3650)
            .Select(day => new ChartPoint(start.AddDays(day), day == 1234 ? 10 : day == 2345 ? 1000 : 100 + day % 7))
            .ToList();

        var reduced = CurveDownsampler.Reduce(points, 400);

        Assert.InRange(reduced.Count, 400, 802);
        Assert.Equal(points[0], reduced[0]);
        Assert.Equal(points[^1], reduced[^1]);
        Assert.Contains(points[1234], reduced);
        Assert.Contains(points[2345], reduced);
        Assert.Equal(reduced.OrderBy(p => p.Time), reduced);
        Assert.Equal(reduced, CurveDownsampler.Reduce(points, 400));
    }

    [Fact]
    public void A_short_curve_is_drawn_as_it_is()
    {
        var points = Enumerable.Range(0, 10).Select(i => new ChartPoint(DateTimeOffset.UnixEpoch.AddDays(i), i)).ToList();

        Assert.Same(points, CurveDownsampler.Reduce(points, 400));
    }
}
