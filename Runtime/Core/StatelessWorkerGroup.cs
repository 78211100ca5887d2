using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>
/// The local activations of one [StatelessWorker] grain id: a call goes to an idle one, or to a new one while
/// under the limit, or else to the one with the least work.
/// </summary>
internal sealed class StatelessWorkerGroup(GrainRuntime runtime, GrainId grainId, GrainClassInfo grainClass)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    /// <summary>Puts the request on an idle worker, a new one while under the limit, or else the least busy one.</summary>
    public ActivationData? Route(GrainRequest request)
    {
        while (true)
        {
            ActivationData? existing = null, created = null;
            lock (_lock)
            {
                var leastBusy = LeastBusyLocked();
                var wantsNewWorker = leastBusy is null || (leastBusy.Value.Load > 0 && _workers.Count < grainClass.StatelessWorkerMax);
                if (!wantsNewWorker)
                    existing = leastBusy!.Value.Worker;
                else if (!runtime.IsStopping)
                    _workers.Add(created = new ActivationData(runtime, grainId, grainClass));
            }

            if (created is not null)
            {
                created.Enqueue(request);
                created.BeginActivation();
                return created;
            }

            if (existing is null)
            {
                request.FailCaller(new SiloUnavailableException($"the silo is stopping: no new worker of {grainId} for {request.Method.DisplayName}"));
                return null;
            }

            if (existing.Enqueue(request))
                return existing;
        }
    }

    private (ActivationData Worker, int Load)? LeastBusyLocked()
    {
        (ActivationData Worker, int Load)? best = null;
        foreach (var worker in _workers)
        {
            var (state, running, waiting, _) = worker.Describe();
            if (state == ActivationState.Invalid)
                continue;
            var load = running + waiting + (state == ActivationState.Valid ? 0 : 1);
            if (best is null || load < best.Value.Load)
                best = (worker, load);
        }

        return best;
    }

    public ActivationData? FindIdle()
    {
        lock (_lock)
        {
            foreach (var worker in _workers)
            {
                var (state, running, waiting, _) = worker.Describe();
                if (state == ActivationState.Valid && running == 0 && waiting == 0)
                    return worker;
            }
        }

        return null;
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
            _workers.Remove(worker);
    }

    public ActivationData[] Snapshot()
    {
        lock (_lock)
            return [.. _workers];
    }
}
