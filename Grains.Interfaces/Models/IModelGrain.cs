using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Models;

/// <summary>
/// A model serving live, keyed by the model's name: it keeps each symbol's recent bars and features up to date as
/// slices arrive, scores a universe with the registry's champion when asked, scores the challengers in shadow in the
/// same round, and follows every version's live IC once the labels are known. A newly promoted version is picked up
/// at the next round without a restart; one round is always scored by one version.
/// </summary>
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Takes in the bars of one time step; a bar no newer than the symbol's last is ignored (several strategies may feed one model).</summary>
    Task ObserveAsync(BarSlice slice);

    /// <summary>
    /// The champion's scores for the symbols of <paramref name="universe"/> whose features are ready, as of
    /// <paramref name="time"/>. Throws <see cref="InvalidOperationException"/> when the model has no champion.
    /// </summary>
    Task<ModelSignals> ScoreAsync(DateTimeOffset time, IReadOnlyList<Symbol> universe);

    /// <summary>The versions served and how each has done live.</summary>
    [ReadOnly]
    Task<ModelLiveStatus> GetStatusAsync();
}

/// <summary>One symbol's score, and its recent daily return volatility (for weighting and volatility scaling).</summary>
public sealed record SymbolScore(Symbol Symbol, double Score, double Volatility);

/// <summary>One round of scores, all from <paramref name="Version"/>.</summary>
public sealed record ModelSignals(string Model, int Version, DateTimeOffset Time, IReadOnlyList<SymbolScore> Scores);

/// <summary>
/// How one version has done live: rounds whose labels are known, mean daily IC and Rank IC over them, and ICIR
/// (mean over standard deviation; NaN with fewer than two rounds).
/// </summary>
public sealed record ModelVersionLive(int Version, ModelStage Stage, int Rounds, double MeanIc, double Icir, double MeanRankIc);

/// <summary>A Model grain's state: what it serves and how each version has done.</summary>
public sealed record ModelLiveStatus(string Model, int? Champion, IReadOnlyList<ModelVersionLive> Versions, DateTimeOffset? LastRound);
