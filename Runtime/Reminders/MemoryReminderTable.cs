namespace Meridian.Runtime.Reminders;

/// <summary>Reminders in memory: they last as long as the silo (tests and backtests).</summary>
internal sealed class MemoryReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ReminderEntry> _entries = [];

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values]);
    }

    public Task UpsertAsync(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
            _entries[(entry.GrainId, entry.Name)] = entry with { LastTick = null };
        return Task.CompletedTask;
    }

    public Task RemoveAsync(GrainId grainId, string name)
    {
        lock (_lock)
            _entries.Remove((grainId, name));
        return Task.CompletedTask;
    }

    public Task RecordTickAsync(GrainId grainId, string name, ReminderSchedule schedule, DateTimeOffset tick)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((grainId, name), out var entry) && entry.Schedule == schedule)
                _entries[(grainId, name)] = entry with { LastTick = tick };
        }

        return Task.CompletedTask;
    }
}
