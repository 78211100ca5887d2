using Meridian.Runtime.Core;
using Meridian.Runtime.Reminders;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime;

/// <summary>
/// Base class of grain classes. A grain's code runs one request at a time (unless the class is
/// <see cref="Concurrency.ReentrantAttribute"/>), on its activation's turn, so its fields need no locks.
/// </summary>
public abstract class Grain : IAddressable
{
    /// <summary>Binds the grain to the activation that is constructing it.</summary>
    protected Grain()
    {
        Activation = ActivationData.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} is a grain class: get it with IGrainFactory.GetGrain, never construct it with 'new'");
    }

    internal ActivationData Activation { get; }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => Activation.Runtime.Services;

    /// <summary>The silo's clock: the real clock when trading, a simulated one in backtests and tests.</summary>
    protected TimeProvider Clock => Activation.Runtime.Clock;

    /// <summary>Called after construction and state read, before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the activation goes away; timers are disposed right after it.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once no request runs; the next call makes a new activation.</summary>
    protected void DeactivateOnIdle() =>
        Activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));

    /// <summary>
    /// Registers a timer whose callback runs on this grain's turn. A tick never overlaps the previous one: the
    /// next period starts when the callback completes. The timer is disposed on deactivation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(
        Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainTimer.Start(Activation, (s, ct) => callback((TState)s!, ct), state, options);
    }

    /// <summary>Registers a timer with no state; see <see cref="RegisterGrainTimer{TState}"/>.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainTimer.Start(Activation, (_, ct) => callback(ct), null, options);
    }

    /// <summary>Registers a timer with a due time and period and the default options (no interleave, keeps alive).</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });

    /// <summary>
    /// Registers the durable reminder <paramref name="reminderName"/> of this grain, or replaces its schedule: the first
    /// tick is due after <paramref name="dueTime"/>, then one every <paramref name="period"/> (at least
    /// <see cref="Hosting.ReminderOptions.MinimumReminderPeriod"/>, 1 minute by default). The reminder is stored before
    /// the task completes and outlives the activation and the silo; its ticks arrive through
    /// <see cref="IRemindable.ReceiveReminder"/>, which the grain class must implement.
    /// </summary>
    /// <exception cref="InvalidOperationException">The grain is not <see cref="IRemindable"/>, or the silo has no reminder service.</exception>
    /// <exception cref="ArgumentException">The name is empty, the due time negative or the period below the minimum.</exception>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        ReminderService.Of(Activation).RegisterOrUpdateAsync(Activation, reminderName, dueTime, period);

    /// <summary>This grain's reminder named <paramref name="reminderName"/>; null when it has none by that name.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => ReminderService.Of(Activation).GetAsync(GrainId, reminderName);

    /// <summary>This grain's reminders, by name.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => ReminderService.Of(Activation).GetAllAsync(GrainId);

    /// <summary>
    /// Unregisters <paramref name="reminder"/>: removed from storage before the task completes, no tick after that (a
    /// tick already running finishes). Unregistering a reminder that is not registered does nothing.
    /// </summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => ReminderService.Of(Activation).UnregisterAsync(GrainId, reminder);

    /// <summary>The stream provider registered under <paramref name="name"/>.</summary>
    protected IStreamProvider GetStreamProvider(string name) => Activation.Runtime.GetStreamProvider(name);

    /// <summary>The grain's services, such as an <see cref="Microsoft.Extensions.Logging.ILogger{T}"/>.</summary>
    protected T GetRequiredService<T>()
        where T : notnull => ServiceProvider.GetRequiredService<T>();
}
