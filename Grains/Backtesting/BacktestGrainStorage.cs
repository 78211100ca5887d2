using System.Collections.Concurrent;
using System.Globalization;
using Meridian.Runtime;
using Meridian.Runtime.Storage;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Grain storage for a backtest, which keeps nothing after it ends: a write is acknowledged (with a new ETag) and its
/// state is not copied anywhere, so serialization costs nothing. Every grain stays active to the end of a run (idle
/// collection is off), so nothing is ever read back; should a grain whose state was written ever be activated again,
/// the read fails loudly instead of handing it an empty state.
/// </summary>
internal sealed class BacktestGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), long> _versions = new();

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_versions.ContainsKey((stateName, grainId)))
        {
            throw new InvalidOperationException(
                $"grain {grainId} was activated again during a backtest, but a backtest keeps no grain state to give it back ('{stateName}')");
        }
        grainState.State = StateDefaults.Create<TState>();
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var version = _versions.AddOrUpdate((stateName, grainId), 1, (_, v) => v + 1);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var version = _versions.AddOrUpdate((stateName, grainId), 1, (_, v) => v + 1);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = StateDefaults.Create<TState>();
        return Task.CompletedTask;
    }
}
