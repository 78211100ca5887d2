using Meridian.Grains.MarketData.Quality;
using static Meridian.Grains.Tests.MarketData.Quality.GateFixture;

namespace Meridian.Grains.Tests.MarketData.Quality;

/// <summary>Trading sessions with no accepted bar, between the first and the last accepted bar.</summary>
public sealed class MissingSessionTests
{
    private static readonly TimeSpan s_halfHour = TimeSpan.FromMinutes(30);

    [Fact]
    public void Daily_bars_around_Good_Friday_miss_nothing() =>
        // Thursday 28 March 2024, then Monday 1 April: Good Friday and the weekend have no session
        Assert.Empty(Check(Flat(2, "2024-03-27", 10m), Flat(3, "2024-03-28", 10m), Flat(4, "2024-04-01", 10m), Flat(5, "2024-04-02", 10m)).MissingSessions);

    [Fact]
    public void Daily_bars_around_Thanksgiving_miss_nothing() =>
        Assert.Empty(Check(Flat(2, "2024-11-26", 10m), Flat(3, "2024-11-27", 10m), Flat(4, "2024-11-29", 10m), Flat(5, "2024-12-02", 10m)).MissingSessions);

    [Fact]
    public void Trading_day_without_a_daily_bar_is_reported_at_its_bar_time()
    {
        var result = Check(Flat(2, "2024-03-04", 10m), Flat(3, "2024-03-05", 10m), Flat(4, "2024-03-07", 10m));

        var missing = Assert.Single(result.MissingSessions);
        Assert.Equal(T("2024-03-06T05:00:00Z"), missing.Start);
        Assert.Equal("ORCL: no bar for trading day 2024-03-06", missing.Reason);
    }

    [Fact]
    public void Each_missing_trading_day_is_its_own_entry()
    {
        // Friday 5 July 2024 to Wednesday 10 July: Monday and Tuesday missing; summer, so bars open at 04:00Z
        var result = Check(Flat(2, "2024-07-05", 10m), Flat(3, "2024-07-10", 10m));

        Assert.Equal([T("2024-07-08T04:00:00Z"), T("2024-07-09T04:00:00Z")], result.MissingSessions.Select(m => m.Start));
    }

    [Fact]
    public void Session_whose_only_bar_was_quarantined_is_missing_and_names_the_bar() =>
        Assert.Equal(
            "ORCL: no bar for trading day 2024-01-03 (quarantined there: orcl.csv line 3)",
            Assert.Single(Check(Flat(2, "2024-01-02", 10m), Daily(3, "2024-01-03", 10m, 10m, 10.5m, 10m), Flat(4, "2024-01-04", 10m)).MissingSessions).Reason);

    [Fact]
    public void Missing_sessions_are_not_reported_when_the_rules_say_so()
    {
        var rules = new QualityRules { ReportMissingSessions = false };

        Assert.Empty(Check(rules, OneDay, [], Flat(2, "2024-03-04", 10m), Flat(3, "2024-03-07", 10m)).MissingSessions);
    }

    [Fact]
    public void Half_hour_bars_around_Good_Friday_miss_nothing()
    {
        // Thursday 28 March and Monday 1 April 2024, daylight time: the session is 13:30Z-20:00Z, 13 bars a day
        var bars = HalfHours(2, "2024-03-28T13:30:00Z").Concat(HalfHours(15, "2024-04-01T13:30:00Z")).ToArray();

        Assert.Empty(Check(QualityRules.Default, s_halfHour, [], bars).MissingSessions);
    }

    [Fact]
    public void Missing_half_hour_bars_inside_a_session_are_one_range()
    {
        // 10:30 and 11:00 New York (14:30Z, 15:00Z) are left out
        var bars = HalfHours(2, "2024-04-01T13:30:00Z").Where(b => b.Time != T("2024-04-01T14:30:00Z") && b.Time != T("2024-04-01T15:00:00Z")).ToArray();

        var missing = Assert.Single(Check(QualityRules.Default, s_halfHour, [], bars).MissingSessions);

        Assert.Equal(T("2024-04-01T14:30:00Z"), missing.Start);
        Assert.Equal("ORCL: 2 bars of 30 min missing on 2024-04-01 from 10:30 to 11:00 New York", missing.Reason);
    }

    [Fact]
    public void Trading_day_with_no_intraday_bar_is_one_whole_session_entry()
    {
        // Winter: the session is 14:30Z-21:00Z. Bars on Monday 4 and Wednesday 6 March 2024, none on Tuesday 5
        var bars = HalfHours(2, "2024-03-04T14:30:00Z").Concat(HalfHours(15, "2024-03-06T14:30:00Z")).ToArray();

        var missing = Assert.Single(Check(QualityRules.Default, s_halfHour, [], bars).MissingSessions);

        Assert.Equal(T("2024-03-05T14:30:00Z"), missing.Start);
        Assert.Equal("ORCL: no bar in the regular session of 2024-03-05 (09:30-16:00 New York)", missing.Reason);
    }

    [Fact]
    public void Extended_hours_bars_are_accepted_but_never_expected()
    {
        // An 08:00 New York bar (12:00Z), then the whole session of 1 April 2024, then a 17:00 bar (21:00Z)
        SourceBar[] bars = [Intraday(1, "2024-04-01T12:00:00Z"), .. HalfHours(2, "2024-04-01T13:30:00Z"), Intraday(15, "2024-04-01T21:00:00Z")];

        var result = Check(QualityRules.Default, s_halfHour, [], bars);

        Assert.Equal(15, result.Accepted.Count);
        Assert.Empty(result.MissingSessions);
    }

    [Fact]
    public void Hourly_bars_are_expected_from_the_hour_that_holds_the_open()
    {
        // Slots from New York midnight: 09:00 (overlapping 09:30) to 15:00, seven bars; 12:00 (16:00Z) is left out
        SourceBar[] bars =
        [
            Intraday(2, "2024-04-01T13:00:00Z"), Intraday(3, "2024-04-01T14:00:00Z"), Intraday(4, "2024-04-01T15:00:00Z"),
            Intraday(5, "2024-04-01T17:00:00Z"), Intraday(6, "2024-04-01T18:00:00Z"), Intraday(7, "2024-04-01T19:00:00Z"),
        ];

        var missing = Assert.Single(Check(QualityRules.Default, TimeSpan.FromHours(1), [], bars).MissingSessions);

        Assert.Equal("ORCL: 1 bar of 60 min missing on 2024-04-01 at 12:00 New York", missing.Reason);
    }

    [Fact]
    public void Intraday_bars_expected_only_from_the_first_bar_to_the_last()
    {
        // The file starts at 11:00 and ends at 14:00 New York: the morning and afternoon are outside it
        SourceBar[] bars = [.. HalfHours(2, "2024-04-01T15:00:00Z").Take(7)];

        Assert.Empty(Check(QualityRules.Default, s_halfHour, [], bars).MissingSessions);
    }

    /// <summary>The 13 half-hour bars of one regular session, from its open.</summary>
    private static IEnumerable<SourceBar> HalfHours(int firstLine, string open) =>
        Enumerable.Range(0, 13).Select(i => new SourceBar("orcl.csv", firstLine + i, T(open).AddMinutes(30 * i), 50m, 50m, 50m, 50m, 100m));
}
