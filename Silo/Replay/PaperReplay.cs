using Meridian.Grains.Backtesting;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Strategies;
using Meridian.Runtime.Time;

namespace Meridian.Silo.Replay;

/// <summary>
/// What the embedded run mode replays: the bars, the strategy trading them, the paper portfolio's id and cash, and
/// how fast (simulated seconds per real second). The silo runs on <see cref="Clock"/>, which the replay moves.
/// </summary>
internal sealed record PaperReplay(
    IReadOnlyList<BarSeries> Data,
    StrategySpec Strategy,
    decimal Cash,
    string PortfolioId,
    double SpeedUp)
{
    /// <summary>The replay's clock, starting at the first bar.</summary>
    public SimulatedClock Clock { get; } = new(Data.Min(s => s.TimeAt(0)));

    /// <summary>The longest real wait between two steps, so nights and weekends do not stall the demo.</summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(1);

    public IReplayPacing Pacing => SpeedUp == double.PositiveInfinity ? AsFastAsPossible.Instance : new SpeedUpPacing(SpeedUp, MaxWait, TimeProvider.System);

    /// <summary>Completes when the replay has sent every bar (or stopped), with the number of bars replayed.</summary>
    public TaskCompletionSource<long> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
