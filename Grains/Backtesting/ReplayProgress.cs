namespace Meridian.Grains.Backtesting;

/// <summary>How far a replay has got: bars delivered of all, and the simulated time reached.</summary>
public sealed record ReplayProgress(long BarsDone, long BarsTotal, DateTimeOffset Time);
