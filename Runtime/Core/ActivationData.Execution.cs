using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>Execution: one thread at a time drains the activation's work queue, on the thread pool.</summary>
internal sealed partial class ActivationData : IThreadPoolWorkItem
{
    /// <summary>Work items run per thread-pool visit before yielding the thread to other activations.</summary>
    private const int TurnBatchSize = 64;

    private bool _executing;
    private bool _scheduled;

    /// <summary>Queues a work item (from the synchronization context, a timer or the lifecycle).</summary>
    public void EnqueueWork(WorkItem item)
    {
        bool schedule;
        lock (_lock)
            schedule = EnqueueWorkLocked(item);
        if (schedule)
            Schedule();
    }

    /// <summary>Adds a work item; returns true when the caller must schedule the activation (nobody drains it now).</summary>
    private bool EnqueueWorkLocked(WorkItem item)
    {
        _work.Enqueue(item);
        Runtime.WorkTracker?.Increment();
        return ClaimScheduleLocked();
    }

    private bool ClaimScheduleLocked()
    {
        if (_executing || _scheduled || _work.Count == 0)
            return false;
        _scheduled = true;
        return true;
    }

    private void Schedule() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    void IThreadPoolWorkItem.Execute()
    {
        lock (_lock)
        {
            _scheduled = false;
            if (_executing)
                return;
            _executing = true;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        var reschedule = false;
        try
        {
            for (var executed = 0; ; executed++)
            {
                WorkItem item = default;
                List<(GrainRequest, DeadlockException)>? cycles;
                bool done;
                lock (_lock)
                {
                    // The previous item's turn has ended: a call waiting on a request of its own chain is deadlocked.
                    cycles = ConfirmCyclesLocked();
                    done = executed == TurnBatchSize || !_work.TryDequeue(out item);
                    if (done)
                    {
                        _executing = false;
                        reschedule = ClaimScheduleLocked();
                    }
                }

                FailCycles(cycles);
                if (done)
                    break;
                Run(item);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (reschedule)
            Schedule();
    }

    private void Run(WorkItem item)
    {
        try
        {
            item.Callback(item.State);
        }
        catch (Exception exception)
        {
            // Grain code's exceptions are caught by the request that ran it; one escaping here is the
            // continuation of an un-awaited task or a runtime bug. Either way the activation must go on.
            Runtime.Log.WorkItemFailed(GrainId, exception);
        }
        finally
        {
            Runtime.WorkTracker?.Decrement();
        }
    }
}
