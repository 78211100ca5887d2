using Meridian.Runtime.Core;
using Meridian.Runtime.Reminders;
using Microsoft.Extensions.Hosting;

namespace Meridian.Runtime.Hosting;

/// <summary>
/// The silo as a hosted service: runs the startup tasks (migrations), loads grain types, validates the
/// configuration, loads the reminders and starts the lifecycle participants (stream delivery) on start; on stop,
/// stops the participants and the reminders' timers, then deactivates every grain.
/// </summary>
public sealed class Silo : IHostedService
{
    private readonly GrainRuntime _runtime;
    private readonly IEnumerable<ISiloStartupTask> _startupTasks;
    private readonly ReminderService? _reminders;
    private readonly IEnumerable<ISiloLifecycleParticipant> _participants;
    private readonly List<ISiloLifecycleParticipant> _started = [];

    internal Silo(
        GrainRuntime runtime, IEnumerable<ISiloStartupTask> startupTasks, ReminderService? reminders, IEnumerable<ISiloLifecycleParticipant> participants)
    {
        _runtime = runtime;
        _startupTasks = startupTasks;
        _reminders = reminders;
        _participants = participants;
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
        foreach (var participant in _participants)
        {
            await participant.OnStartAsync(cancellationToken).ConfigureAwait(false);
            _started.Add(participant);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        for (var i = _started.Count - 1; i >= 0; i--)
            await _started[i].OnStopAsync(cancellationToken).ConfigureAwait(false);
        _started.Clear();
        _reminders?.StopTicking();
        await _runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_reminders is not null)
            await _reminders.WhenDeliveredAsync(cancellationToken).ConfigureAwait(false);
    }
}
