using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Tests.MarketData.History;

/// <summary>Bar series and stores built by hand for the store's tests.</summary>
internal static class TestSeries
{
    public static readonly Symbol Xyz = Symbol.Parse("XYZ");

    public static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Daily bars of <paramref name="symbol"/>, each stamped at 00:00 New York of its date.</summary>
    public static BarSeries Daily(Symbol symbol, params (string Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)[] bars) =>
        Of(symbol, BarPeriod.Day, bars.Select(b => (TradingDay.Start(Date(b.Date)), b.Open, b.High, b.Low, b.Close, b.Volume)).ToArray());

    public static BarSeries Of(Symbol symbol, TimeSpan period, params (DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)[] bars) =>
        new(symbol, period,
            bars.Select(b => b.Time.UtcTicks).ToArray(),
            bars.Select(b => b.Open).ToArray(), bars.Select(b => b.High).ToArray(), bars.Select(b => b.Low).ToArray(),
            bars.Select(b => b.Close).ToArray(), bars.Select(b => b.Volume).ToArray());

    /// <summary>A store in <paramref name="directory"/> holding <paramref name="series"/> and, when any, the actions of its symbol.</summary>
    public static BarStore Store(string directory, BarSeries series, params CorporateAction[] actions)
    {
        var files = new List<(string, byte[])> { (StoreLayout.BarsFile(series.Symbol, series.Period), BarFile.Encode(series)) };
        if (actions.Length > 0)
            files.Add((StoreLayout.ActionsOf(series.Symbol), System.Text.Encoding.UTF8.GetBytes(CorporateActionCsv.Format(actions))));
        StoreCommit.Apply(directory, files);
        return BarStore.Open(directory);
    }

    public static CorporateAction Split(string exDate, decimal ratio) => new(Xyz, Date(exDate), CorporateActionKind.Split, ratio);

    public static CorporateAction Dividend(string exDate, decimal cash) => new(Xyz, Date(exDate), CorporateActionKind.CashDividend, cash);
}
