using System.Diagnostics;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>
/// Fails calls that waited longer than the request timeout. One sweep over the activations replaces a timer per
/// call; a call is answered at most one sweep interval after its deadline. It runs on real time, also in
/// simulations: a hung call is hung whatever the simulated clock says.
/// </summary>
internal sealed class RequestTimeoutSweeper(GrainRuntime runtime) : IDisposable
{
    private Timer? _timer;

    public void Start()
    {
        var timeout = runtime.Options.RequestTimeout;
        var interval = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.FromMilliseconds(5).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _timer = new Timer(static s => ((RequestTimeoutSweeper)s!).Sweep(), this, interval, interval);
    }

    private void Sweep()
    {
        var timeout = runtime.Options.RequestTimeout;
        var timeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var now = Stopwatch.GetTimestamp();
        var timedOut = new List<GrainRequest>();
        var owners = new List<ActivationData>();
        foreach (var activation in runtime.Directory.All())
        {
            var before = timedOut.Count;
            activation.CollectTimedOut(now, timeoutTicks, timedOut);
            for (var i = before; i < timedOut.Count; i++)
                owners.Add(activation);
        }

        for (var i = 0; i < timedOut.Count; i++)
        {
            var request = timedOut[i];
            var elapsed = Stopwatch.GetElapsedTime(request.StartTimestamp, now);
            runtime.Log.RequestTimedOut(request.Method.DisplayName, owners[i].GrainId, elapsed.TotalSeconds);
            request.FailCaller(new TimeoutException(
                $"request {request.Method.DisplayName} to grain {owners[i].GrainId} timed out after {elapsed.TotalSeconds:0.000} s " +
                $"(limit {timeout.TotalSeconds:0.###} s, SiloOptions.RequestTimeout)"));
        }
    }

    public void Dispose() => _timer?.Dispose();
}
