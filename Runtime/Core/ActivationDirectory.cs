using System.Collections.Concurrent;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>
/// The silo's activations: exactly one per grain id (several, up to the class's limit, for stateless workers).
/// </summary>
internal sealed class ActivationDirectory(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();

    /// <summary>
    /// Puts <paramref name="request"/> on the grain's activation and returns it. When there is none, a new
    /// activation is created with the request queued before its activation step starts, so that a failed
    /// activation answers exactly the requests that caused it. While the silo stops, no activation is created:
    /// the caller gets a <see cref="SiloUnavailableException"/> and null is returned.
    /// </summary>
    public ActivationData? Route(GrainId grainId, GrainClassInfo grainClass, GrainRequest request)
    {
        if (grainClass.IsStatelessWorker)
            return _workers.GetOrAdd(grainId, static (id, state) => new StatelessWorkerGroup(state.runtime, id, state.grainClass), (runtime, grainClass)).Route(request);

        while (true)
        {
            var existing = _activations.GetValueOrDefault(grainId);
            if (existing is not null && existing.Enqueue(request))
                return existing;

            if (runtime.IsStopping)
            {
                request.FailCaller(new SiloUnavailableException($"the silo is stopping: {grainId} is not activated again for {request.Method.DisplayName}"));
                return null;
            }

            var created = new ActivationData(runtime, grainId, grainClass);
            var published = existing is null ? _activations.TryAdd(grainId, created) : _activations.TryUpdate(grainId, created, existing);
            if (!published)
                continue;
            created.Enqueue(request);
            created.BeginActivation();
            return created;
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
