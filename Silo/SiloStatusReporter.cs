using Meridian.Runtime.Introspection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Silo;

/// <summary>Logs what the silo is doing every 10 seconds of real time (whatever clock the grains run on): activations and calls per second.</summary>
internal sealed partial class SiloStatusReporter(ISiloIntrospection introspection, TimeProvider clock, ILogger<SiloStatusReporter> logger) : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_interval, clock);
        do
        {
            var types = introspection.GetGrainTypes();
            var methods = introspection.GetMethods();
            LogStatus(types.Count, types.Sum(t => t.Activations), methods.Sum(m => m.CallsPerSecond), methods.Sum(m => m.Errors));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1, LogLevel.Information, "Silo status: {GrainTypes} grain types, {Activations} activations, {CallsPerSecond:0} calls/s, {Errors} errors")]
    private partial void LogStatus(int grainTypes, int activations, double callsPerSecond, long errors);
}
