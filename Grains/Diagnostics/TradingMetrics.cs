using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Meridian.Grains.Diagnostics;

/// <summary>
/// The trading meter, <c>Meridian.Trading</c>: orders submitted, filled and denied (by reason), and how long the
/// pre-trade risk check takes. Instruments cost almost nothing while nothing listens.
/// </summary>
public static class TradingMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Meridian.Trading";

    private static readonly Meter s_meter = new(MeterName);

    /// <summary>Orders the risk gate let through to the broker.</summary>
    public static readonly Counter<long> OrdersSubmitted = s_meter.CreateCounter<long>("meridian_orders_submitted_total", description: "Orders sent to the broker after the pre-trade risk check");

    /// <summary>Orders filled completely.</summary>
    public static readonly Counter<long> OrdersFilled = s_meter.CreateCounter<long>("meridian_orders_filled_total", description: "Orders filled completely");

    /// <summary>Orders the risk gate denied, tagged <c>reason</c> (the denial code).</summary>
    public static readonly Counter<long> OrdersDenied = s_meter.CreateCounter<long>("meridian_orders_denied_total", description: "Orders denied by the pre-trade risk check, by denial code");

    /// <summary>The pre-trade risk check's duration in seconds.</summary>
    public static readonly Histogram<double> RiskCheckDuration = s_meter.CreateHistogram<double>("meridian_risk_check_duration", "s", "Duration of the pre-trade risk check in seconds");

    /// <summary>Records a risk check that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RiskCheckDone(long startTimestamp)
    {
        if (RiskCheckDuration.Enabled)
            RiskCheckDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
    }
}
