using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Streams.Durable;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Streams.Durable;

/// <summary>
/// What durable streams promise, on each database: ordered numbered delivery, acknowledged publishing, idempotent
/// ids, subscriptions and checkpoints that outlive the silo, retries then dead letters. Each test has its own
/// service id (and its own SQLite file), so tests do not see each other's rows.
/// </summary>
public abstract partial class DurableStreamConformance
{
    protected string ServiceId { get; } = "streams-" + Guid.NewGuid().ToString("N");

    protected DurableStreamJournal Journal { get; } = new();

    private protected abstract RelationalDatabase Database { get; }

    /// <summary>Registers grain storage "Default" and the durable stream provider on the database under test.</summary>
    protected abstract void AddDatabase(SiloBuilder silo, Action<DurableStreamOptions> options);

    /// <summary>A silo on the database under test; checkpoints are saved only on shutdown unless <paramref name="options"/> says otherwise.</summary>
    protected Task<TestSilo> StartAsync(Action<DurableStreamOptions>? options = null) => Silos.StartAsync(silo =>
    {
        silo.Configure<SiloOptions>(o => o.ServiceId = ServiceId);
        silo.Services.AddSingleton(Journal);
        AddDatabase(silo, o =>
        {
            o.CheckpointInterval = TimeSpan.FromHours(1);
            options?.Invoke(o);
        });
    });

    protected static IAsyncStream<DurableTestEvent> Stream(TestSilo silo, string streamNamespace, string key) =>
        silo.Client.GetStreamProvider(DurableStreams.Provider).GetStream<DurableTestEvent>(StreamId.Create(streamNamespace, key));

    protected static async Task PublishAsync(IAsyncStream<DurableTestEvent> stream, params int[] values)
    {
        foreach (var value in values)
            await stream.OnNextAsync(new DurableTestEvent("test", value)).WithinLimit();
    }

    /// <summary>Rows of a table for this test's service.</summary>
    protected async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = Database.Command(connection, $"SELECT COUNT(*) FROM {table} WHERE service_id = $1", null, ServiceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected async Task ExecuteAsync(string sql, params object?[] values)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = Database.Command(connection, sql, null, values);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Events_reach_a_subscriber_in_publishing_order_numbered_from_one_each_with_its_own_id()
    {
        await using var silo = await StartAsync();

        await PublishAsync(Stream(silo, DurableStreams.Implicit, "a"), 10, 20, 30);
        await silo.IdleAsync();

        var received = Journal.Of("implicit/a");
        Assert.Equal([10, 20, 30], received.Select(d => d.Value));
        Assert.Equal([1L, 2L, 3L], received.Select(d => d.Sequence));
        Assert.Equal(3, received.Select(d => d.EventId).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, received.Select(d => d.EventId));
    }

    [Fact]
    public async Task Each_stream_is_numbered_on_its_own()
    {
        await using var silo = await StartAsync();

        await PublishAsync(Stream(silo, DurableStreams.Implicit, "a"), 1, 2);
        await PublishAsync(Stream(silo, DurableStreams.Implicit, "b"), 3);
        await silo.IdleAsync();

        Assert.Equal([1L, 2L], Journal.Of("implicit/a").Select(d => d.Sequence));
        Assert.Equal([1L], Journal.Of("implicit/b").Select(d => d.Sequence));
    }

    [Fact]
    public async Task Publishing_returns_once_the_event_is_in_the_database()
    {
        await using var silo = await StartAsync();

        await PublishAsync(Stream(silo, DurableStreams.Implicit, "stored"), 1, 2);

        Assert.Equal(2, await CountAsync("stream_event"));
    }

    [Fact]
    public async Task An_event_id_published_twice_is_stored_once_and_delivered_once()
    {
        await using var silo = await StartAsync();
        var stream = Stream(silo, DurableStreams.Implicit, "once");
        var id = Guid.NewGuid();
        var secondId = Guid.NewGuid();

        await stream.OnNextAsync(new DurableTestEvent("test", 1), id).WithinLimit();
        await stream.OnNextAsync(new DurableTestEvent("test", 1), id).WithinLimit();
        await Task.WhenAll(
            stream.OnNextAsync(new DurableTestEvent("test", 2), secondId),
            stream.OnNextAsync(new DurableTestEvent("test", 2), secondId)).WithinLimit();
        await silo.IdleAsync();

        Assert.Equal(2, await CountAsync("stream_event"));
        var received = Journal.Of("implicit/once");
        Assert.Equal([1, 2], received.Select(d => d.Value));
        Assert.Equal(id, received[0].EventId);
    }

    [Fact]
    public async Task Many_publishers_on_one_stream_give_a_gapless_numbering_and_keep_each_publishers_order()
    {
        await using var silo = await StartAsync();
        var stream = Stream(silo, DurableStreams.Implicit, "busy");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
                await stream.OnNextAsync(new DurableTestEvent("test", (p * 1000) + i));
        }))).WithinLimit();
        await silo.IdleAsync();

        var received = Journal.Of("implicit/busy");
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), received.Select(d => d.Sequence));
        foreach (var publisher in received.GroupBy(d => d.Value / 1000))
            Assert.Equal(Enumerable.Range(0, 25), publisher.Select(d => d.Value % 1000));
    }
}
