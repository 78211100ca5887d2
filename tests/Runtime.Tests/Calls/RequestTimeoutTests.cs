using System.Diagnostics;
using Meridian.Runtime.Hosting;

namespace Meridian.Runtime.Tests.Calls;

public sealed class RequestTimeoutTests
{
    /// <summary>A 300 ms request timeout; the silo stops without waiting long for the request that never finishes.</summary>
    private static void ShortTimeouts(SiloBuilder silo) => silo
        .Configure<SiloOptions>(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300))
        .Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = TimeSpan.FromMilliseconds(100));

    [Fact]
    public void The_default_request_timeout_is_30_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(30), new SiloOptions().RequestTimeout);

    [Fact]
    public async Task A_call_that_does_not_finish_times_out_with_grain_method_and_elapsed_time_in_the_error()
    {
        await using var silo = await Silos.StartAsync(ShortTimeouts);
        var grain = silo.GrainFactory.GetGrain<IHangingGrain>("stuck");
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => grain.Hang().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"timed out after only {watch.Elapsed}");
        Assert.Contains("IHangingGrain.Hang", error.Message, StringComparison.Ordinal);
        Assert.Contains("hanging/s:stuck", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"timed out after \d+\.\d+ s", error.Message);
    }

    [Fact]
    public async Task A_call_waiting_behind_a_stuck_request_times_out_too()
    {
        await using var silo = await Silos.StartAsync(ShortTimeouts);
        var grain = silo.GrainFactory.GetGrain<IHangingGrain>("stuck");
        var first = grain.Hang();

        var second = grain.Hang();

        await Assert.ThrowsAsync<TimeoutException>(() => first.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<TimeoutException>(() => second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
