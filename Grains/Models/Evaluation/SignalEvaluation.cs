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

/// <summary>IC, Rank IC and ICIR of a signal, and its long-short backtest. CONTRACT SKELETON.</summary>
public static class SignalEvaluation
{
    /// <summary>
    /// Evaluates <paramref name="scores"/> per time; times with fewer than <paramref name="minimumSymbols"/> labelled
    /// symbols are left out. Long-short uses the top and bottom 1/<paramref name="quantiles"/> of each cross-section.
    /// </summary>
    public static SignalReport Evaluate(IReadOnlyList<SignalScore> scores, int quantiles = 5, int minimumSymbols = 5) =>
        throw new NotImplementedException();
}
