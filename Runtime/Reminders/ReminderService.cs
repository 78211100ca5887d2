using Meridian.Runtime.Core;
using Meridian.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Runtime.Reminders;

/// <summary>
/// The silo's reminders (Orleans' LocalReminderService): loaded from the table when the silo starts, one timer each on
/// the silo's clock, registered and unregistered by grain code through the table first, so that a registration is
/// durable before the grain hears back.
/// </summary>
internal sealed class ReminderService(GrainRuntime runtime, IReminderTable table, IOptions<ReminderOptions> options, ILogger<ReminderService> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, Dictionary<string, ScheduledReminder>> _byGrain = [];
    private readonly HashSet<Task> _deliveries = [];
    private bool _ticking;

    public GrainRuntime Runtime { get; } = runtime;

    public IReminderTable Table { get; } = table;

    public ReminderLog Log { get; } = new(logger);

    /// <summary>The reminder service of <paramref name="activation"/>'s silo, or an error saying how to register one.</summary>
    public static ReminderService Of(ActivationData activation) =>
        activation.Runtime.Services.GetService<ReminderService>()
        ?? throw new InvalidOperationException(
            $"grain {activation.GrainId} uses reminders, but the silo has no reminder service: register one with " +
            "silo.AddSqliteReminders(path), silo.AddPostgresReminders(connectionString) or, for tests, silo.AddMemoryReminders()");

    /// <summary>Loads every reminder of the service and sets their timers; a tick that fell due while the silo was down is due at once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ReminderEntry> entries;
        using (Runtime.WorkTracker?.Track() ?? default)
            entries = await Table.ReadAllAsync(cancellationToken).ConfigureAwait(false);

        var unknown = new List<ReminderEntry>();
        List<ScheduledReminder> all;
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                if (Runtime.Registry.FindClass(entry.GrainId.Type) is not { } grainClass)
                    unknown.Add(entry);
                else
                    RemindersOfLocked(entry.GrainId).TryAdd(entry.Name, new ScheduledReminder(this, grainClass, entry));
            }

            _ticking = true;
            all = [.. _byGrain.Values.SelectMany(r => r.Values)];
        }

        foreach (var entry in unknown)
            Log.UnknownGrainType(entry.Name, entry.GrainId, entry.GrainId.Type);
        foreach (var reminder in all)
            reminder.Start();
        Log.Loaded(all.Count);
    }

    /// <summary>Stops every timer: no tick starts any more. Ticks being delivered finish.</summary>
    public void StopTicking()
    {
        List<ScheduledReminder> all;
        lock (_lock)
        {
            _ticking = false;
            all = [.. _byGrain.Values.SelectMany(r => r.Values)];
        }

        foreach (var reminder in all)
            reminder.Stop();
    }

    /// <summary>Completes when the ticks being delivered have been delivered and recorded.</summary>
    public Task WhenDeliveredAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.WhenAll(_deliveries).WaitAsync(cancellationToken);
    }

    public void TrackDelivery(Task delivery)
    {
        lock (_lock)
            _deliveries.Add(delivery);
        delivery.ContinueWith(
            (done, state) =>
            {
                var service = (ReminderService)state!;
                lock (service._lock)
                    service._deliveries.Remove(done);
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(ActivationData activation, string name, TimeSpan dueTime, TimeSpan period)
    {
        Validate(activation, name, dueTime, period);
        var entry = new ReminderEntry(activation.GrainId, name, ReminderSchedule.FromRegistration(Runtime.Clock.GetUtcNow(), dueTime, period), LastTick: null);
        using (Runtime.WorkTracker?.Track() ?? default)
            await Table.UpsertAsync(entry).ConfigureAwait(false);

        var reminder = new ScheduledReminder(this, activation.ClassInfo, entry);
        ScheduledReminder? replaced;
        bool ticking;
        lock (_lock)
        {
            var reminders = RemindersOfLocked(activation.GrainId);
            reminders.Remove(name, out replaced);
            reminders[name] = reminder;
            ticking = _ticking;
        }

        replaced?.Stop();
        if (ticking)
            reminder.Start();
        return new GrainReminder(name);
    }

    public Task<IGrainReminder?> GetAsync(GrainId grainId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            var found = _byGrain.TryGetValue(grainId, out var reminders) && reminders.ContainsKey(name);
            return Task.FromResult<IGrainReminder?>(found ? new GrainReminder(name) : null);
        }
    }

    public Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId)
    {
        lock (_lock)
        {
            IReadOnlyList<IGrainReminder> all = _byGrain.TryGetValue(grainId, out var reminders)
                ? [.. reminders.Keys.Order(StringComparer.Ordinal).Select(n => new GrainReminder(n))]
                : [];
            return Task.FromResult(all);
        }
    }

    /// <summary>Removes the reminder from the table, then stops it; a reminder that is not registered is no error.</summary>
    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var name = reminder.ReminderName;
        ArgumentException.ThrowIfNullOrEmpty(name, nameof(reminder));
        using (Runtime.WorkTracker?.Track() ?? default)
            await Table.RemoveAsync(grainId, name).ConfigureAwait(false);

        ScheduledReminder? removed = null;
        lock (_lock)
        {
            if (_byGrain.TryGetValue(grainId, out var reminders) && reminders.Remove(name, out removed) && reminders.Count == 0)
                _byGrain.Remove(grainId);
        }

        removed?.Stop();
    }

    private void Validate(ActivationData activation, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (activation.GrainInstance is not IRemindable)
        {
            throw new InvalidOperationException(
                $"grain class {activation.ClassInfo.ClassType.FullName} ({activation.GrainId}) registers a reminder but does not implement " +
                "IRemindable: implement IRemindable.ReceiveReminder to receive its ticks");
        }

        if (string.IsNullOrWhiteSpace(reminderName))
            throw new ArgumentException($"a reminder needs a name (got {(reminderName is null ? "null" : $"'{reminderName}'")}) for grain {activation.GrainId}", nameof(reminderName));
        if (dueTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"reminder '{reminderName}' of grain {activation.GrainId}: the due time must be zero or more");

        var minimum = options.Value.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period,
                $"reminder '{reminderName}' of grain {activation.GrainId}: the period {period} is shorter than the minimum {minimum} " +
                "(ReminderOptions.MinimumReminderPeriod); use a grain timer for shorter periods");
        }
    }

    private Dictionary<string, ScheduledReminder> RemindersOfLocked(GrainId grainId)
    {
        if (!_byGrain.TryGetValue(grainId, out var reminders))
            _byGrain[grainId] = reminders = new Dictionary<string, ScheduledReminder>(StringComparer.Ordinal);
        return reminders;
    }
}
