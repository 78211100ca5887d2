using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Calendar;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.Tests.MarketData.Quality;

/// <summary>Bars of "orcl.csv" for ORCL, and the gate with its default rules (outliers beyond ±50%).</summary>
internal static class GateFixture
{
    public static readonly Symbol Orcl = Symbol.Parse("ORCL");

    public static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>A daily bar of <paramref name="date"/>, stamped at New York midnight (the calendar's own tests pin that instant).</summary>
    public static SourceBar Daily(int line, string date, decimal open, decimal high, decimal low, decimal close, decimal volume = 1000m) =>
        new("orcl.csv", line, UsEquityCalendar.DailyBarTime(D(date)), open, high, low, close, volume);

    /// <summary>A daily bar that trades at one price all day.</summary>
    public static SourceBar Flat(int line, string date, decimal price) => Daily(line, date, price, price, price, price);

    /// <summary>An intraday bar that opens at <paramref name="utc"/> and trades at one price.</summary>
    public static SourceBar Intraday(int line, string utc, decimal price = 50m) =>
        new("orcl.csv", line, T(utc), price, price, price, price, 100m);

    public static QualityResult Check(params SourceBar[] bars) => Check(QualityRules.Default, OneDay, [], bars);

    public static QualityResult Check(IReadOnlyList<CorporateAction> actions, params SourceBar[] bars) => Check(QualityRules.Default, OneDay, actions, bars);

    public static QualityResult Check(QualityRules rules, TimeSpan period, IReadOnlyList<CorporateAction> actions, params SourceBar[] bars) =>
        new QualityGate(rules).Check(Orcl, period, bars, actions);

    /// <summary>The one quarantined bar, after checking it broke <paramref name="rule"/>.</summary>
    public static QuarantinedBar Single(QualityResult result, QualityRule rule)
    {
        var quarantined = Assert.Single(result.Quarantined);
        Assert.Equal(rule, quarantined.Rule);
        return quarantined;
    }

    public static int[] AcceptedLines(QualityResult result) => [.. result.Accepted.Select(b => b.Line)];

    public static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
