using Meridian.Runtime.Hosting;

namespace Meridian.Runtime.Core;

/// <summary>
/// Deactivates activations idle longer than their collection age. It runs on the silo's clock, so a simulated
/// clock collects in simulated time. Activity is stamped with the current epoch (one per quantum), which costs
/// a field write per call instead of a clock read.
/// </summary>
internal sealed class IdleCollector(GrainRuntime runtime, GrainCollectionOptions options) : IDisposable
{
    private ITimer? _timer;
    private long _epoch;

    public long Epoch => Volatile.Read(ref _epoch);

    public TimeSpan Quantum => options.CollectionQuantum;

    public TimeSpan DeactivationTimeout => options.DeactivationTimeout;

    public void Start() => _timer = runtime.Clock.CreateTimer(static s => ((IdleCollector)s!).Collect(), this, Quantum, Quantum);

    private void Collect()
    {
        var epoch = Interlocked.Increment(ref _epoch);
        foreach (var activation in runtime.Directory.All())
        {
            var age = activation.ClassInfo.CollectionAge ?? options.CollectionAge;

            // Last used in epoch e means idle since some time in (e, e+1] quanta: wait one extra quantum so
            // that no activation is collected before it has been idle for the full age.
            var idleEpochs = (long)Math.Ceiling(age / Quantum) + 1;
            activation.CollectIfIdle(epoch, idleEpochs);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
