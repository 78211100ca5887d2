using System.Diagnostics;
using System.Text.Json.Nodes;
using Meridian.Runtime.Core;

namespace Meridian.Runtime.Introspection;

/// <summary>Reads the runtime's directory and statistics for the dashboard.</summary>
internal sealed class SiloIntrospection(GrainRuntime runtime) : ISiloIntrospection
{
    private readonly Lock _rateLock = new();
    private Dictionary<int, long> _previousCalls = [];
    private Dictionary<int, double> _rates = [];
    private long _previousTimestamp = Stopwatch.GetTimestamp();

    public IReadOnlyList<GrainTypeSummary> GetGrainTypes()
    {
        var counts = runtime.Directory.All()
            .Where(a => a.State != ActivationState.Invalid)
            .GroupBy(a => a.ClassInfo.GrainType)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. runtime.Registry.Classes
            .OrderBy(c => c.GrainType, StringComparer.Ordinal)
            .Select(c => new GrainTypeSummary(c.GrainType, c.ClassType.FullName ?? c.ClassType.Name, counts.GetValueOrDefault(c.GrainType)))];
    }

    public IReadOnlyList<MethodSummary> GetMethods()
    {
        var totals = runtime.Statistics.Snapshot();
        var rates = UpdateRates(totals);
        return [.. totals
            .OrderBy(t => t.Method.DisplayName, StringComparer.Ordinal)
            .Select(t => new MethodSummary(
                t.Method.DisplayName,
                t.Calls,
                rates.GetValueOrDefault(t.Method.Id),
                t.Errors,
                t.Latency.Quantile(0.50) / 1000,
                t.Latency.Quantile(0.99) / 1000,
                t.Latency.Quantile(0.999) / 1000))];
    }

    /// <summary>Calls per second over the interval since the previous reading (at least one second, so a rate is not noise).</summary>
    private Dictionary<int, double> UpdateRates(IReadOnlyList<CallStatistics.MethodTotals> totals)
    {
        lock (_rateLock)
        {
            var now = Stopwatch.GetTimestamp();
            var elapsed = Stopwatch.GetElapsedTime(_previousTimestamp, now).TotalSeconds;
            if (elapsed < 1 && _rates.Count > 0)
                return _rates;
            _rates = totals.ToDictionary(
                t => t.Method.Id,
                t => (t.Calls - _previousCalls.GetValueOrDefault(t.Method.Id)) / Math.Max(elapsed, 1e-3));
            _previousCalls = totals.ToDictionary(t => t.Method.Id, t => t.Calls);
            _previousTimestamp = now;
            return _rates;
        }
    }

    public IReadOnlyList<ActiveGrain> GetActiveGrains(string? grainType = null, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var epoch = runtime.Collector.Epoch;
        var quantum = runtime.Collector.Quantum;
        return [.. runtime.Directory.All()
            .Where(a => grainType is null || a.ClassInfo.GrainType == grainType)
            .Select(a => (Activation: a, Snapshot: a.Describe()))
            .Where(x => x.Snapshot.State != ActivationState.Invalid)
            .OrderBy(x => x.Activation.GrainId.ToString(), StringComparer.Ordinal)
            .Take(limit)
            .Select(x => new ActiveGrain(
                x.Activation.GrainId,
                x.Snapshot.State.ToString(),
                x.Snapshot.Running,
                x.Snapshot.Waiting,
                quantum * (epoch - x.Snapshot.LastUsedEpoch)))];
    }

    public async Task<JsonObject?> GetGrainStateAsync(GrainId grainId)
    {
        var activation = runtime.Directory.Find(grainId);
        if (activation is null || activation.State != ActivationState.Valid)
            return null;

        var result = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        activation.EnqueueWork(new WorkItem(_ =>
        {
            try
            {
                var view = new JsonObject { ["grain_id"] = grainId.ToString(), ["grain_class"] = activation.ClassInfo.ClassType.Name };
                var states = new JsonObject();
                foreach (var state in activation.PersistentStates)
                {
                    states[state.StateName] = new JsonObject
                    {
                        ["storage"] = state.StorageName,
                        ["etag"] = state.Etag,
                        ["record_exists"] = state.RecordExists,
                        ["state"] = state.ToJson(),
                    };
                }

                view["states"] = states;
                result.TrySetResult(view);
            }
            catch (Exception exception)
            {
                result.TrySetException(exception);
            }
        }, null));
        return await result.Task.ConfigureAwait(false);
    }
}
