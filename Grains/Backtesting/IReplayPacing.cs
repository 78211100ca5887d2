namespace Meridian.Grains.Backtesting;

/// <summary>How fast a replay goes: between time steps it waits as long as the pacing says (a backtest not at all).</summary>
public interface IReplayPacing
{
    /// <summary>Waits before the step at <paramref name="nextStep"/>, the previous one having been at <paramref name="previousStep"/>.</summary>
    Task WaitAsync(DateTimeOffset previousStep, DateTimeOffset nextStep, CancellationToken cancellationToken);
}

/// <summary>No waiting: as fast as the grains go (backtests).</summary>
public sealed class AsFastAsPossible : IReplayPacing
{
    public static AsFastAsPossible Instance { get; } = new();

    /// <inheritdoc />
    public Task WaitAsync(DateTimeOffset previousStep, DateTimeOffset nextStep, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Replays at <c>speedUp</c> times real time on <paramref name="wallClock"/>, with each wait capped at
/// <paramref name="maxWait"/> so nights and weekends do not stall a live demo.
/// </summary>
public sealed class SpeedUpPacing(double speedUp, TimeSpan maxWait, TimeProvider wallClock) : IReplayPacing
{
    /// <inheritdoc />
    public Task WaitAsync(DateTimeOffset previousStep, DateTimeOffset nextStep, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromTicks((long)((nextStep - previousStep).Ticks / speedUp));
        if (wait > maxWait)
            wait = maxWait;
        return wait > TimeSpan.Zero ? Task.Delay(wait, wallClock, cancellationToken) : Task.CompletedTask;
    }
}
