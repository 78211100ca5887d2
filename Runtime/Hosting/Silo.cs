using Meridian.Runtime.Core;
using Meridian.Runtime.Reminders;
using Microsoft.Extensions.Hosting;

namespace Meridian.Runtime.Hosting;

/// <summary>
/// The silo as a hosted service: runs the startup tasks (migrations), loads grain types and validates the
/// configuration, then loads the reminders, on start; stops the reminders' timers, then deactivates every grain, on stop.
/// </summary>
public sealed class Silo : IHostedService
{
    private readonly GrainRuntime _runtime;
    private readonly IEnumerable<ISiloStartupTask> _startupTasks;
    private readonly ReminderService? _reminders;

    internal Silo(GrainRuntime runtime, IEnumerable<ISiloStartupTask> startupTasks, ReminderService? reminders)
    {
        _runtime = runtime;
        _startupTasks = startupTasks;
        _reminders = reminders;
    }

    /// <summary>Makes grain references.</summary>
    public IClusterClient Client => _runtime;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var task in _startupTasks)
            await task.RunAsync(cancellationToken).ConfigureAwait(false);
        _runtime.Start();
        if (_reminders is not null)
            await _reminders.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _reminders?.StopTicking();
        await _runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_reminders is not null)
            await _reminders.WhenDeliveredAsync(cancellationToken).ConfigureAwait(false);
    }
}
