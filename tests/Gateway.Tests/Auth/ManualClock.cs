namespace Meridian.Gateway.Tests.Auth;

/// <summary>The system clock moved forward by hand: timers and timestamps stay real, only "now" jumps.</summary>
internal sealed class ManualClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
