using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.Models.Features;

/// <summary>
/// What a bar must be for features to mean anything: prices finite and above zero (every feature divides by one),
/// the high not below the low, a volume finite and not negative. Both the incremental and the batch features check
/// bars here, so they refuse the same input.
/// </summary>
internal static class BarChecks
{
    /// <summary>Reports stop after this many problems: a broken file would otherwise make a message of thousands of lines.</summary>
    private const int MostReported = 10;

    /// <summary>True when the bar can be taken in (the allocation-free test on the hot path).</summary>
    public static bool Pass(double open, double high, double low, double close, double volume) =>
        open > 0 && high > 0 && low > 0 && close > 0 && double.IsFinite(open) && double.IsFinite(high)
        && double.IsFinite(low) && double.IsFinite(close) && volume >= 0 && double.IsFinite(volume) && high >= low;

    /// <summary>Everything wrong with a bar, each message starting with <paramref name="where"/> (e.g. "bar of 2024-01-03").</summary>
    public static void Collect(string where, double open, double high, double low, double close, double volume, List<FieldError> errors)
    {
        Price("open", open);
        Price("high", high);
        Price("low", low);
        Price("close", close);
        if (!(volume >= 0) || !double.IsFinite(volume))
            errors.Add(new FieldError("volume", $"{where}: volume {Show(volume)} is not a count of zero or more"));
        if (high < low)
            errors.Add(new FieldError("high", $"{where}: high {Show(high)} is below low {Show(low)}"));

        void Price(string field, double value)
        {
            if (!(value > 0) || !double.IsFinite(value))
                errors.Add(new FieldError(field, $"{where}: {field} {Show(value)} is not a price above zero"));
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> when the bar cannot be taken in, each problem naming the bar as
    /// <paramref name="where"/> ("bar is invalid: close: ABC bar of 2024-03-05: close 0 is not a price above zero").
    /// </summary>
    public static void Demand(string where, double open, double high, double low, double close, double volume)
    {
        if (Pass(open, high, low, close, volume))
            return;
        var errors = new List<FieldError>();
        Collect(where, open, high, low, close, volume, errors);
        throw new InvalidInputException("bar", errors);
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> naming the symbol and each bad bar's date when <paramref name="series"/>
    /// has a bar that cannot be taken in, or fewer than <paramref name="warmUp"/> bars.
    /// </summary>
    public static void Demand(BarSeries series, int warmUp)
    {
        var errors = new List<FieldError>();
        if (series.Count < warmUp)
        {
            var span = series.Count == 0 ? "no bars" : $"{series.Count} bars ({DateOf(series, 0)} to {DateOf(series, series.Count - 1)})";
            errors.Add(new FieldError("bars", $"{span}, fewer than the {warmUp} the features need before every one is defined; load a longer history"));
        }
        var bad = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var (open, high, low, close, volume) =
                ((double)series.Open[i], (double)series.High[i], (double)series.Low[i], (double)series.Close[i], (double)series.Volume[i]);
            if (Pass(open, high, low, close, volume))
                continue;
            if (++bad > MostReported)
                continue;
            Collect($"bar of {DateOf(series, i)}", open, high, low, close, volume, errors);
        }
        if (bad > MostReported)
            errors.Add(new FieldError("bars", $"{bad - MostReported} more bad bars not listed"));
        if (errors.Count > 0)
            throw new InvalidInputException($"bar series {series.Symbol}", errors);
    }

    /// <summary>A bar's New York date for daily or longer bars, its UTC time to the second for shorter ones.</summary>
    public static string DateOf(BarSeries series, int index) => DateOf(series.TimeAt(index), series.Period);

    /// <inheritdoc cref="DateOf(BarSeries, int)"/>
    public static string DateOf(DateTimeOffset time, TimeSpan period) =>
        period >= BarPeriod.Day
            ? TradingDay.Of(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : BarVerdicts.Stamp(time);

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
