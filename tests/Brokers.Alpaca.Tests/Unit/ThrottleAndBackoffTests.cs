using Meridian.Brokers.Alpaca.Rest;

namespace Meridian.Brokers.Alpaca.Tests.Unit;

public sealed class ThrottleAndBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_window_of_a_minute_holds_more_than_the_limit()
    {
        using var throttle = new RequestThrottle(190, TimeSpan.FromMinutes(1), TimeProvider.System);
        var granted = new List<DateTimeOffset>();
        var now = T0;
        // 600 callers asking as fast as they can: each waits exactly as long as the throttle says.
        while (granted.Count < 600)
        {
            var wait = throttle.Reserve(now);
            if (wait == TimeSpan.Zero)
                granted.Add(now);
            else
                now += wait;
        }

        for (var i = 0; i + 190 < granted.Count; i++)
            Assert.True(granted[i + 190] - granted[i] >= TimeSpan.FromMinutes(1), $"requests {i} and {i + 190} are less than a minute apart");
        Assert.Equal(T0, granted[189]);
        Assert.Equal(T0.AddMinutes(1), granted[190]);
    }

    [Fact]
    public void A_pause_holds_every_request_until_it_ends()
    {
        using var throttle = new RequestThrottle(190, TimeSpan.FromMinutes(1), TimeProvider.System);
        throttle.PauseUntil(T0.AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), throttle.Reserve(T0));
        Assert.Equal(TimeSpan.Zero, throttle.Reserve(T0.AddSeconds(3)));
    }

    [Fact]
    public void Backoff_doubles_to_its_cap_and_jitter_stays_under_the_ceiling()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(8), 4);
        Assert.Equal([250d, 500d, 1000d, 2000d, 4000d, 8000d, 8000d], Enumerable.Range(1, 7).Select(n => backoff.Ceiling(n).TotalMilliseconds));

        var random = new Random(7);
        var delays = Enumerable.Range(0, 1000).Select(_ => backoff.Delay(3, random)).ToList();
        Assert.All(delays, d => Assert.InRange(d.TotalMilliseconds, 0d, 1000d));
        Assert.True(delays.Distinct().Count() > 900, "jitter should spread the waits");
    }
}
