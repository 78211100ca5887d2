namespace Meridian.Runtime.Hosting;

/// <summary>
/// A silo service that starts once grains can be called (after the startup tasks and the runtime) and stops
/// before the grains deactivate: durable stream delivery and reminders.
/// </summary>
public interface ISiloLifecycleParticipant
{
    /// <summary>Starts; a failure stops the silo's start.</summary>
    Task OnStartAsync(CancellationToken cancellationToken);

    /// <summary>Stops, while grains are still active; participants stop in the reverse order they started.</summary>
    Task OnStopAsync(CancellationToken cancellationToken);
}
