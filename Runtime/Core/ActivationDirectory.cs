using System.Collections.Concurrent;

namespace Meridian.Runtime.Core;

/// <summary>
/// The silo's activations: exactly one per grain id (several, up to the class's limit, for stateless workers).
/// </summary>
internal sealed class ActivationDirectory(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();

    public int Count => _activations.Count + _workers.Values.Sum(w => w.Count);

    /// <summary>The activation of <paramref name="grainId"/>, created (and its activation queued) if there is none.</summary>
    public ActivationData GetOrCreate(GrainId grainId, GrainClassInfo grainClass)
    {
        if (grainClass.IsStatelessWorker)
            return _workers.GetOrAdd(grainId, static (id, state) => new StatelessWorkerGroup(state.runtime, id, state.grainClass), (runtime, grainClass)).Pick();

        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                if (existing.State != ActivationState.Invalid)
                    return existing;
                var replacement = new ActivationData(runtime, grainId, grainClass);
                if (_activations.TryUpdate(grainId, replacement, existing))
                {
                    replacement.BeginActivation();
                    return replacement;
                }

                continue;
            }

            var created = new ActivationData(runtime, grainId, grainClass);
            if (_activations.TryAdd(grainId, created))
            {
                created.BeginActivation();
                return created;
            }
        }
    }

    /// <summary>An idle, valid worker of a stateless worker grain, if one exists; never activates.</summary>
    public ActivationData? FindIdleWorker(GrainId grainId) => _workers.TryGetValue(grainId, out var group) ? group.FindIdle() : null;

    /// <summary>The activation of <paramref name="grainId"/> if one exists; never activates.</summary>
    public ActivationData? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    public void Remove(ActivationData activation)
    {
        if (activation.ClassInfo.IsStatelessWorker)
        {
            if (_workers.TryGetValue(activation.GrainId, out var group))
                group.Remove(activation);
            return;
        }

        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }

    /// <summary>Every activation now (a moving picture: activations come and go while it is enumerated).</summary>
    public IEnumerable<ActivationData> All()
    {
        foreach (var activation in _activations.Values)
            yield return activation;
        foreach (var group in _workers.Values)
        {
            foreach (var worker in group.Snapshot())
                yield return worker;
        }
    }
}
