namespace Meridian.Runtime.Core;

/// <summary>
/// The local activations of one [StatelessWorker] grain id: a call goes to an idle one, or to a new one while
/// under the limit, or else to the one with the least work.
/// </summary>
internal sealed class StatelessWorkerGroup(GrainRuntime runtime, GrainId grainId, GrainClassInfo grainClass)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    public int Count
    {
        get
        {
            lock (_lock)
                return _workers.Count;
        }
    }

    public ActivationData Pick()
    {
        ActivationData? created = null;
        ActivationData chosen;
        lock (_lock)
        {
            ActivationData? leastBusy = null;
            var leastLoad = int.MaxValue;
            foreach (var worker in _workers)
            {
                var (state, running, waiting, _) = worker.Describe();
                if (state == ActivationState.Invalid)
                    continue;
                var load = running + waiting + (state == ActivationState.Valid ? 0 : 1);
                if (load == 0)
                    return worker;
                if (load < leastLoad)
                {
                    leastLoad = load;
                    leastBusy = worker;
                }
            }

            if (_workers.Count < grainClass.StatelessWorkerMax || leastBusy is null)
            {
                created = new ActivationData(runtime, grainId, grainClass);
                _workers.Add(created);
                chosen = created;
            }
            else
            {
                chosen = leastBusy;
            }
        }

        created?.BeginActivation();
        return chosen;
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
