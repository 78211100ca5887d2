using Meridian.Runtime;
using Meridian.Runtime.Storage;

namespace Meridian.Bench;

/// <summary>Grain storage that keeps nothing: isolates the order path's own cost from serialization.</summary>
internal sealed class DiscardingGrainStorage : IGrainStorage
{
    private long _version;

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        grainState.ETag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) => Task.CompletedTask;
}
