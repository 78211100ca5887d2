using Meridian.Runtime.Concurrency;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Timers;

namespace Meridian.Runtime.Tests.Clock;

/// <summary>A log kept in persistent state: every entry is written before the next one is made.</summary>
public sealed class ClockLogState
{
#pragma warning disable CA2227 // A state is a serializable bag.
    public List<string> Entries { get; set; } = [];
#pragma warning restore CA2227
}

// ---- a chain of work: start -> relay (one-way call) -> stream event -> listener's timer due now -> recorder ----

/// <summary>Starts the chain: a one-way call to the relay with the same key.</summary>
public interface IClockChainStartGrain : IGrainWithStringKey
{
    /// <summary>Sends a one-way call to the relay and returns without waiting for anything else.</summary>
    Task StartAsync(TimeSpan listenerDelay);
}

public sealed class ClockChainStartGrain : Grain, IClockChainStartGrain
{
    public Task StartAsync(TimeSpan listenerDelay) => GrainFactory.GetGrain<IClockChainRelayGrain>(this.GetPrimaryKeyString()).RelayAsync(listenerDelay);
}

/// <summary>Publishes to stream (<see cref="ClockChainListenerGrain.Namespace"/>, its key).</summary>
public interface IClockChainRelayGrain : IGrainWithStringKey
{
    [OneWay]
    Task RelayAsync(TimeSpan listenerDelay);
}

public sealed class ClockChainRelayGrain : Grain, IClockChainRelayGrain
{
    public Task RelayAsync(TimeSpan listenerDelay) =>
        GetStreamProvider("Default")
            .GetStream<TimeSpan>(StreamId.Create(ClockChainListenerGrain.Namespace, this.GetPrimaryKeyString()))
            .OnNextAsync(listenerDelay);
}

/// <summary>Implicitly subscribed: on an event it starts a one-shot timer due now that waits the event's delay on the clock, then calls the recorder.</summary>
public interface IClockChainListenerGrain : IGrainWithStringKey
{
    Task<int> CountEventsAsync();
}

[ImplicitStreamSubscription(Namespace)]
public sealed class ClockChainListenerGrain : Grain, IClockChainListenerGrain, IAsyncObserver<TimeSpan>
{
    public const string Namespace = "clock-chain";

    private int _events;

    public Task<int> CountEventsAsync() => Task.FromResult(_events);

    public Task OnNextAsync(TimeSpan delay, StreamSequenceToken? token = null)
    {
        _events++;
        RegisterGrainTimer(
            async ct =>
            {
                var tickedAt = Clock.GetUtcNow();
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, Clock, ct);
                await GrainFactory.GetGrain<IClockChainRecorderGrain>(this.GetPrimaryKeyString())
                    .RecordAsync($"ticked at {tickedAt:O}, recorded at {Clock.GetUtcNow():O}");
            },
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }
}

/// <summary>The end of the chain: keeps what it is told in persistent state.</summary>
public interface IClockChainRecorderGrain : IGrainWithStringKey
{
    Task RecordAsync(string entry);

    Task<List<string>> GetRecordsAsync();
}

public sealed class ClockChainRecorderGrain([PersistentState("records", "Default")] IPersistentState<ClockLogState> records)
    : Grain, IClockChainRecorderGrain
{
    public async Task RecordAsync(string entry)
    {
        records.State.Entries.Add(entry);
        await records.WriteStateAsync();
    }

    public Task<List<string>> GetRecordsAsync() => Task.FromResult(records.State.Entries.ToList());
}

// ---- a deterministic scenario: traders tick, report to a hub and publish to a feed that schedules follow-ups ----

/// <summary>Ticks every period; each tick is logged, reported to the hub and published to the feed.</summary>
public interface IClockTraderGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task<List<string>> GetLogAsync();
}

public sealed class ClockTraderGrain([PersistentState("log", "Default")] IPersistentState<ClockLogState> log) : Grain, IClockTraderGrain
{
    public const string FeedNamespace = "clock-feed";
    public const string FeedKey = "feed";

    private int _ticks;

    public Task StartAsync(TimeSpan period)
    {
        RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    public Task<List<string>> GetLogAsync() => Task.FromResult(log.State.Entries.ToList());

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var tick = ++_ticks;
        var name = $"{this.GetPrimaryKeyString()}#{tick}";
        log.State.Entries.Add($"{Clock.GetUtcNow():HH:mm:ss.fff} tick {name}");
        await log.WriteStateAsync();
        var position = await GrainFactory.GetGrain<IClockHubGrain>("hub").ReportAsync(name);
        log.State.Entries.Add($"{Clock.GetUtcNow():HH:mm:ss.fff} hub position {position}");
        await log.WriteStateAsync();
        await GetStreamProvider("Default").GetStream<string>(StreamId.Create(FeedNamespace, FeedKey)).OnNextAsync(name);
    }
}

/// <summary>Numbers the reports it receives.</summary>
public interface IClockHubGrain : IGrainWithStringKey
{
    /// <summary>Logs the report; returns how many reports the hub has had.</summary>
    Task<int> ReportAsync(string tick);

    Task<List<string>> GetLogAsync();
}

public sealed class ClockHubGrain([PersistentState("log", "Default")] IPersistentState<ClockLogState> log) : Grain, IClockHubGrain
{
    public async Task<int> ReportAsync(string tick)
    {
        log.State.Entries.Add($"{Clock.GetUtcNow():HH:mm:ss.fff} report {tick}");
        await log.WriteStateAsync();
        return log.State.Entries.Count;
    }

    public Task<List<string>> GetLogAsync() => Task.FromResult(log.State.Entries.ToList());
}

/// <summary>Implicitly subscribed to the feed; every third event schedules a follow-up 1.5 s later.</summary>
public interface IClockFeedGrain : IGrainWithStringKey
{
    Task<List<string>> GetLogAsync();
}

[ImplicitStreamSubscription(ClockTraderGrain.FeedNamespace)]
public sealed class ClockFeedGrain([PersistentState("log", "Default")] IPersistentState<ClockLogState> log)
    : Grain, IClockFeedGrain, IAsyncObserver<string>
{
    private int _events;

    public Task<List<string>> GetLogAsync() => Task.FromResult(log.State.Entries.ToList());

    public async Task OnNextAsync(string item, StreamSequenceToken? token = null)
    {
        _events++;
        log.State.Entries.Add($"{Clock.GetUtcNow():HH:mm:ss.fff} event {item} (token {token})");
        await log.WriteStateAsync();
        if (_events % 3 == 0)
        {
            RegisterGrainTimer(
                async ct =>
                {
                    log.State.Entries.Add($"{Clock.GetUtcNow():HH:mm:ss.fff} follow-up of {item}");
                    await log.WriteStateAsync();
                },
                new GrainTimerCreationOptions(TimeSpan.FromSeconds(1.5), Timeout.InfiniteTimeSpan));
        }
    }
}
