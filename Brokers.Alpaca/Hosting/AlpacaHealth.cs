using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Reconciliation;
using Meridian.Brokers.Alpaca.Streaming;
using Meridian.Grains.Brokers;

namespace Meridian.Brokers.Alpaca.Hosting;

/// <summary>
/// Alpaca's line in /health/ready: usable while the trade-updates stream listens and the last reconciliation succeeded
/// with positions in agreement. Names the mode and dry run, never a key.
/// </summary>
public sealed class AlpacaHealth(AlpacaOptions options, TradeUpdatesStream stream, AlpacaReconciler reconciler) : IBrokerHealth
{
    /// <inheritdoc />
    public BrokerHealth Check()
    {
        var name = $"alpaca ({(options.Mode == AlpacaMode.Live ? "live" : "paper")}{(options.DryRun ? ", dry run" : "")})";
        if (stream.Stopped is { } stopped)
            return new BrokerHealth(name, false, stopped);
        if (!stream.Listening)
            return new BrokerHealth(name, false, "the trade-updates stream is not connected (reconnecting)");
        if (reconciler.LastFailure is { } failure)
            return new BrokerHealth(name, false, $"the last reconciliation failed: {failure}");
        if (reconciler.Last is not { } last)
            return new BrokerHealth(name, false, "not reconciled yet");
        return last.Consistent
            ? new BrokerHealth(name, true, $"stream listening; reconciled at {last.Time:O}")
            : new BrokerHealth(name, false, $"positions disagree: {string.Join("; ", last.Mismatches)}");
    }
}
