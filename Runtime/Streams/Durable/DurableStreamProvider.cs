using System.Text.Json;
using Meridian.Runtime.Core;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Meridian.Runtime.Streams.Durable;

/// <summary>
/// Streams kept in the database (SQLite or PostgreSQL). Publishing returns once the event is committed; each
/// stream's events are numbered and delivered in order to every subscriber at least once. A subscriber's
/// checkpoint moves as its deliveries succeed; after a crash, delivery resumes from the saved checkpoints, so
/// events delivered since the last save come again (same sequence number and event id: handlers dedupe). A
/// delivery that keeps failing is retried with backoff until <see cref="DurableStreamOptions.RetryDeadline"/>,
/// then kept in the dead-letter table with its error, and the subscriber moves on.
/// </summary>
internal sealed partial class DurableStreamProvider : StreamProviderBase, IStreamDeadLetters, ISiloLifecycleParticipant, IAsyncDisposable
{
    private readonly DurableStreamOptions _options;
    private readonly StreamStore _store;
    private readonly StreamAppender _appender;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, DurableStreamPump> _pumps = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _started;
    private bool _disposed;
    private bool _halted;
    private Task _checkpointing = Task.CompletedTask;

    public DurableStreamProvider(string name, GrainRuntime runtime, StreamStore store, DurableStreamOptions options, ILogger logger)
        : base(name, runtime)
    {
        _options = options;
        _store = store;
        _logger = logger;
        Checkpoints = new StreamCheckpoints(store);
        _appender = new StreamAppender(store, options.MaxAppendBatch, e => PumpOf(e.StreamId).Enqueue(e));
    }

    internal StreamCheckpoints Checkpoints { get; }

    private bool IsStopping => _stopping.IsCancellationRequested;

    internal override async Task PublishAsync<T>(StreamId streamId, T item, Guid? eventId)
    {
        var payload = JsonSerializer.Serialize(item, StateJson.Options);
        var append = new StreamAppend(streamId, typeof(T), item, payload, eventId ?? Guid.NewGuid(), idGiven: eventId is not null);
        using var _ = Runtime.WorkTracker?.Track() ?? default;
        await _appender.AppendAsync(append).ConfigureAwait(false);
    }

    /// <summary>A new subscription starts after the stream's last event; a grain's is stored with that starting point.</summary>
    private protected override async Task OnSubscribingAsync(StreamSubscription subscription)
    {
        var head = await _appender.HeadAsync(subscription.StreamId, CancellationToken.None).ConfigureAwait(false);
        if (subscription.Grain is not null)
            await _store.AddSubscriptionAsync(subscription, head, CancellationToken.None).ConfigureAwait(false);
        Checkpoints.Start(subscription, head);
    }

    internal override async Task UnsubscribeAsync(StreamSubscription subscription)
    {
        if (subscription.Grain is not null)
            await _store.RemoveSubscriptionAsync(subscription, CancellationToken.None).ConfigureAwait(false);
        await base.UnsubscribeAsync(subscription).ConfigureAwait(false);
        Checkpoints.Forget(subscription);
    }

    /// <summary>Restores the subscriptions and checkpoints, queues every event some subscriber has not had, then starts delivering.</summary>
    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in await _store.SubscriptionsAsync(cancellationToken).ConfigureAwait(false))
            PubSub.Add(subscription);
        Checkpoints.Load(await _store.CheckpointsAsync(cancellationToken).ConfigureAwait(false));

        var recovered = 0;
        foreach (var (streamId, head) in await _store.StreamsAsync(cancellationToken).ConfigureAwait(false))
        {
            var durable = PubSub.SubscribersOf(streamId).Where(s => s.Grain is not null).ToList();
            if (durable.Count == 0)
                continue;
            var from = durable.Min(Checkpoints.Get);
            if (from >= head)
                continue;
            foreach (var row in await _store.EventsAsync(streamId, from, cancellationToken).ConfigureAwait(false))
            {
                PumpOf(streamId).Enqueue(Restore(streamId, row.Sequence, row.EventId, row.TypeName, row.Payload));
                recovered++;
            }
        }

        List<DurableStreamPump> pumps;
        lock (_lock)
        {
            _started = true;
            pumps = [.. _pumps.Values];
        }

        foreach (var pump in pumps)
            pump.Resume();
        _checkpointing = Task.Run(SaveCheckpointsPeriodicallyAsync, CancellationToken.None);
        LogStarted(Name, recovered);
    }

    /// <summary>Finishes the deliveries under way, stops the rest, and saves every checkpoint.</summary>
    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await StopDeliveringAsync().ConfigureAwait(false);
        await Checkpoints.SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StopDeliveringAsync()
    {
        List<DurableStreamPump> pumps;
        lock (_lock)
        {
            _halted = true;
            pumps = [.. _pumps.Values];
        }

        foreach (var pump in pumps)
            pump.Halt();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(pumps.Select(p => p.StoppedAsync())).ConfigureAwait(false);
        await _checkpointing.ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StreamDeadLetter>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await _store.DeadLettersAsync(limit, cancellationToken).ConfigureAwait(false);
    }

    private DurableStreamPump PumpOf(StreamId streamId)
    {
        lock (_lock)
        {
            if (_pumps.TryGetValue(streamId, out var pump))
                return pump;
            _pumps[streamId] = pump = new DurableStreamPump(this, streamId);
            if (_started && !_halted)
                pump.Resume();
            return pump;
        }
    }

    private static StreamEvent Restore(StreamId streamId, long sequence, Guid eventId, string typeName, string payload)
    {
        if (StreamEvent.ResolveType(typeName) is not { } type)
            return new StreamEvent(streamId, sequence, eventId, typeof(object), null, payload) { Unreadable = $"event type '{typeName}' is not loaded in this silo" };
        try
        {
            return new StreamEvent(streamId, sequence, eventId, type, JsonSerializer.Deserialize(payload, type, StateJson.Options), payload);
        }
        catch (JsonException exception)
        {
            return new StreamEvent(streamId, sequence, eventId, type, null, payload) { Unreadable = $"the stored event cannot be read as {type.Name}: {exception.Message}" };
        }
    }

    private async Task SaveCheckpointsPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(_options.CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await Checkpoints.SaveAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogCheckpointSaveFailed(Name, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: OnStopAsync saves the last checkpoints
        }
    }

    /// <summary>Stops delivering without saving checkpoints (after OnStopAsync they are saved already; without it, as after a kill, they are not).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await StopDeliveringAsync().ConfigureAwait(false);
        await _appender.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    [LoggerMessage(1, LogLevel.Information, "Durable stream provider {Provider} started; {Recovered} events recovered for delivery")]
    private partial void LogStarted(string provider, int recovered);

    [LoggerMessage(2, LogLevel.Warning, "Durable stream provider {Provider} could not save checkpoints; it tries again")]
    private partial void LogCheckpointSaveFailed(string provider, Exception exception);
}
