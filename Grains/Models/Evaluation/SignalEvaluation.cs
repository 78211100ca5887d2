using MathNet.Numerics.Statistics;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Models.Evaluation;

/// <summary>One prediction and the label it turned out to have.</summary>
public sealed record SignalScore(DateTimeOffset Time, Symbol Symbol, double Score, double Label);

/// <summary>One time's cross-section: Pearson IC, Spearman Rank IC, the long-short return and how many symbols it had.</summary>
public sealed record DailySignalQuality(DateTimeOffset Time, int Symbols, double Ic, double RankIc, double LongShortReturn);

/// <summary>
/// A signal's quality over a held-out period: mean daily IC and Rank IC, their standard deviations and ratios (ICIR),
/// and a long-short portfolio (top quantile long, bottom quantile short, equal weights) of the signal.
/// </summary>
public sealed record SignalReport(
    int Days, double MeanIc, double IcStd, double Icir, double MeanRankIc, double RankIcStd, double RankIcir,
    double LongShortMeanReturn, double LongShortSharpe, double LongShortCumulativeReturn, IReadOnlyList<DailySignalQuality> Daily);

/// <summary>
/// IC, Rank IC and ICIR of a signal, and its long-short backtest, computed per time (cross-section) and then summarized
/// over the times (docs/models.md, "Evaluation metrics").
/// </summary>
public static class SignalEvaluation
{
    /// <summary>Trading days in a year, to annualize the long-short Sharpe ratio.</summary>
    public const int PeriodsPerYear = 252;

    /// <summary>
    /// Evaluates <paramref name="scores"/> per time; rows whose score or label is NaN are left out, then times with fewer
    /// than <paramref name="minimumSymbols"/> rows. Long-short uses the top and bottom 1/<paramref name="quantiles"/> of
    /// each cross-section (at least one symbol each). A time whose scores or labels are all equal has no IC (NaN); means
    /// and standard deviations are over the times that have one. A ratio whose standard deviation is undefined or zero
    /// is NaN. Throws <see cref="InvalidInputException"/> when <paramref name="quantiles"/> or
    /// <paramref name="minimumSymbols"/> is below 2.
    /// </summary>
    public static SignalReport Evaluate(IReadOnlyList<SignalScore> scores, int quantiles = 5, int minimumSymbols = 5)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var errors = new List<FieldError>();
        if (quantiles < 2)
            errors.Add(new("quantiles", $"{quantiles} must be at least 2 (5 = top and bottom fifth)"));
        if (minimumSymbols < 2)
            errors.Add(new("minimum_symbols", $"{minimumSymbols} must be at least 2: a correlation needs two symbols"));
        if (errors.Count > 0)
            throw new InvalidInputException("signal evaluation", errors);

        var daily = scores
            .Where(s => !double.IsNaN(s.Score) && !double.IsNaN(s.Label))
            .GroupBy(s => s.Time)
            .Where(day => day.Count() >= minimumSymbols)
            .OrderBy(day => day.Key)
            .Select(day => OneTime(day.Key, [.. day], quantiles))
            .ToList();

        var ic = daily.Select(d => d.Ic).Where(v => !double.IsNaN(v)).ToArray();
        var rankIc = daily.Select(d => d.RankIc).Where(v => !double.IsNaN(v)).ToArray();
        var longShort = daily.Select(d => d.LongShortReturn).ToArray();
        var longShortRatio = Ratio(longShort);
        return new SignalReport(
            daily.Count,
            Mean(ic), SampleStd(ic), Ratio(ic),
            Mean(rankIc), SampleStd(rankIc), Ratio(rankIc),
            Mean(longShort), longShortRatio * Math.Sqrt(PeriodsPerYear),
            longShort.Aggregate(1.0, (growth, r) => growth * (1 + r)) - 1,
            daily);
    }

    private static DailySignalQuality OneTime(DateTimeOffset time, SignalScore[] day, int quantiles)
    {
        var score = day.Select(s => s.Score).ToArray();
        var label = day.Select(s => s.Label).ToArray();
        var ic = Pearson(score, label);
        var rankIc = Pearson(score.Ranks(RankDefinition.Average), label.Ranks(RankDefinition.Average));

        // Ties in score are broken by symbol so that the same input always picks the same legs.
        var ordered = day.OrderBy(s => s.Score).ThenBy(s => s.Symbol.Value, StringComparer.Ordinal).ToArray();
        var legSize = Math.Max(1, day.Length / quantiles);
        var bottom = ordered.Take(legSize).Average(s => s.Label);
        var top = ordered.TakeLast(legSize).Average(s => s.Label);
        return new DailySignalQuality(time, day.Length, ic, rankIc, top - bottom);
    }

    /// <summary>Pearson's correlation; NaN when either side does not vary.</summary>
    private static double Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static double Mean(double[] values) => values.Length == 0 ? double.NaN : values.Average();

    private static double SampleStd(double[] values) => values.Length < 2 ? double.NaN : values.StandardDeviation();

    /// <summary>Mean over sample standard deviation; NaN when the deviation is undefined or zero.</summary>
    private static double Ratio(double[] values)
    {
        var std = SampleStd(values);
        return double.IsNaN(std) || std == 0 ? double.NaN : Mean(values) / std;
    }
}
