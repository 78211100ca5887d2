using Meridian.Grains.Orders;
using Meridian.Runtime;

namespace Meridian.Grains.Brokers;

/// <summary>How brokers hand execution reports to the platform: one-way to the Order grain of the report's client order id.</summary>
public static class ExecutionReports
{
    /// <summary>Delivers each report, in order, without waiting for the Order grains to apply them.</summary>
    public static void Deliver(IGrainFactory grains, IEnumerable<ExecutionReport> reports)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports)
            _ = grains.GetGrain<IOrderGrain>(report.ClientOrderId).ApplyReportAsync(report);
    }
}
