using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Strategies;
using Meridian.Runtime;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Time;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Replays bars through the grains on a simulated clock: the one loop behind backtests and the paper replay, so
/// both give the same orders and fills. For each time step, in two phases that each finish before the next begins:
/// <list type="number">
/// <item>the clock moves to when the step's bars are known (<see cref="BarAvailability"/>), and each bar goes out on
/// its symbol's market-data stream: simulated exchanges fill what was placed before, last prices move, portfolios
/// mark;</item>
/// <item>the step's <see cref="BarSlice"/> goes to each strategy, which places its orders (they trade from the next
/// bar on).</item>
/// </list>
/// Waiting for each phase to finish (nothing caused by it still running) is what makes a run deterministic.
/// </summary>
public sealed class MarketReplay
{
    private readonly IClusterClient _client;
    private readonly SimulatedClock _clock;
    private readonly BarTimeline _timeline;
    private readonly BarAvailability _availability;
    private readonly IReadOnlyList<IStrategyGrain> _strategies;
    private readonly Dictionary<Symbol, IAsyncStream<Bar>> _streams = [];

    public MarketReplay(IClusterClient client, SimulatedClock clock, IReadOnlyList<BarSeries> series, ExchangeRules rules, IEnumerable<string> strategyIds)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(strategyIds);
        _client = client;
        _clock = clock;
        _timeline = new BarTimeline(series);
        _availability = new BarAvailability(rules);
        _strategies = [.. strategyIds.Select(id => client.GetGrain<IStrategyGrain>(id))];
    }

    /// <summary>Steps known at or before this instant were replayed before (a restarted paper replay): skipped, not sent again.</summary>
    public DateTimeOffset? ResumeAfter { get; init; }

    /// <summary>Bars to replay, all symbols together.</summary>
    public long BarCount => _timeline.Total;

    /// <summary>When the first replayed bar opened (null before the first step).</summary>
    public DateTimeOffset? FirstBarTime { get; private set; }

    /// <summary>When the last replayed bar was known.</summary>
    public DateTimeOffset? LastKnownAt { get; private set; }

    /// <summary>Replays every bar; reports progress about every <paramref name="progressEvery"/> bars.</summary>
    public async Task RunAsync(IReplayPacing pacing, IProgress<ReplayProgress>? progress = null, long progressEvery = 10_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        var provider = _client.GetStreamProvider(MarketDataStreams.Provider);
        long done = 0, reported = 0;
        DateTimeOffset? previous = null;
        for (var bars = _timeline.Next(); bars.Count > 0; bars = _timeline.Next())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var knownAt = _availability.KnownAt(bars[0]);
            done += bars.Count;
            if (knownAt <= ResumeAfter)
                continue;
            if (previous is { } before)
                await pacing.WaitAsync(before, knownAt, cancellationToken).ConfigureAwait(false);
            if (knownAt > _clock.GetUtcNow())
                await _clock.AdvanceToAsync(knownAt).ConfigureAwait(false);
            FirstBarTime ??= bars[0].Time;

            foreach (var bar in bars)
                await StreamOf(provider, bar.Symbol).OnNextAsync(bar).ConfigureAwait(false);
            await _clock.RunUntilIdleAsync().ConfigureAwait(false);

            var slice = new BarSlice(knownAt, bars);
            foreach (var strategy in _strategies)
                await strategy.OnSliceAsync(slice).ConfigureAwait(false);
            await _clock.RunUntilIdleAsync().ConfigureAwait(false);

            previous = LastKnownAt = knownAt;
            if (progress is not null && done - reported >= progressEvery)
            {
                reported = done;
                progress.Report(new ReplayProgress(done, BarCount, knownAt));
            }
        }
        progress?.Report(new ReplayProgress(done, BarCount, LastKnownAt ?? _clock.GetUtcNow()));
    }

    private IAsyncStream<Bar> StreamOf(IStreamProvider provider, Symbol symbol)
    {
        if (!_streams.TryGetValue(symbol, out var stream))
            _streams[symbol] = stream = provider.GetStream<Bar>(StreamId.Create(MarketDataStreams.Bars, symbol.Value));
        return stream;
    }
}
