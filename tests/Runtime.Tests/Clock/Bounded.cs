using Meridian.Runtime.TestingHost;

namespace Meridian.Runtime.Tests.Clock;

/// <summary>
/// Waits that fail the test instead of hanging it when a runtime bug keeps them from completing. The limit is
/// real time and generous: none of these waits is meant to take more than milliseconds.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static Task WithinLimit(this Task task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    public static Task<T> WithinLimit<T>(this Task<T> task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    /// <summary>The silo's run-until-idle: everything caused so far is done and the timers due now have fired.</summary>
    public static Task IdleAsync(this TestSilo silo) => silo.RunUntilIdleAsync().WithinLimit();

    /// <summary>Moves the silo's simulated clock forward, firing the timers due on the way.</summary>
    public static Task AdvanceAsync(this TestSilo silo, TimeSpan duration) => silo.Clock.AdvanceAsync(duration).WithinLimit();
}
