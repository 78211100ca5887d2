using Meridian.Runtime.Storage;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>A grain's <c>[PersistentState]</c>: read on activation, written on request, guarded by its ETag.</summary>
public sealed class PersistentStateTests
{
    private const string StateName = "counter";

    [Fact]
    public async Task A_grain_with_nothing_stored_activates_with_the_default_state_no_record_and_no_etag()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("fresh");

        var view = await grain.GetActivationViewAsync();

        Assert.Equal(new StorageActivationView(0, string.Empty, RecordExists: false, Etag: null), view);
    }

    [Fact]
    public async Task The_state_is_read_before_OnActivateAsync_of_the_next_activation()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        for (var i = 0; i < 3; i++)
            await grain.IncrementAsync();
        var firstActivation = await grain.GetActivationIdAsync();
        var etag = await grain.GetEtagAsync();

        await grain.DeactivateAsync();
        await silo.IdleAsync();

        Assert.NotEqual(firstActivation, await grain.GetActivationIdAsync());
        Assert.Equal(new StorageActivationView(3, "grain", RecordExists: true, etag), await grain.GetActivationViewAsync());
    }

    [Fact]
    public async Task A_write_makes_RecordExists_true_and_Etag_the_stored_records_etag()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");

        await grain.IncrementAsync();

        var stored = await ReadStoredAsync(silo, await grain.GetGrainIdAsync());
        Assert.True(await grain.GetRecordExistsAsync());
        Assert.NotNull(stored.ETag);
        Assert.Equal(stored.ETag, await grain.GetEtagAsync());
        Assert.Equal(1, stored.State.Value);
    }

    [Fact]
    public async Task Each_write_changes_the_etag()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");

        await grain.IncrementAsync();
        var first = await grain.GetEtagAsync();
        await grain.IncrementAsync();
        var second = await grain.GetEtagAsync();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task The_state_is_stored_under_the_grains_own_id()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("020235");

        await grain.IncrementAsync();

        var id = await grain.GetGrainIdAsync();
        Assert.Equal(new GrainId("storagecounter", GrainKey.FromString("020235")), id);
        Assert.Equal(1, (await ReadStoredAsync(silo, id)).State.Value);
    }

    [Fact]
    public async Task Changes_that_are_not_written_are_lost_when_the_activation_goes()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        await grain.SetWithoutWritingAsync(50);

        await grain.DeactivateAsync();
        await silo.IdleAsync();

        Assert.Equal(1, await grain.GetValueAsync());
    }

    [Fact]
    public async Task ClearStateAsync_deletes_the_record_and_resets_the_state()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await grain.ClearAsync();

        Assert.Equal(0, await grain.GetValueAsync());
        Assert.False(await grain.GetRecordExistsAsync());
        Assert.False((await ReadStoredAsync(silo, await grain.GetGrainIdAsync())).RecordExists);
    }

    [Fact]
    public async Task After_a_clear_the_next_activation_starts_from_the_default_state()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        await grain.ClearAsync();

        await grain.DeactivateAsync();
        await silo.IdleAsync();

        var view = await grain.GetActivationViewAsync();
        Assert.Equal(0, view.Value);
        Assert.False(view.RecordExists);
    }

    [Fact]
    public async Task A_grain_can_write_again_after_clearing_its_state()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        await grain.ClearAsync();

        Assert.Equal(1, await grain.IncrementAsync());

        var stored = await ReadStoredAsync(silo, await grain.GetGrainIdAsync());
        Assert.True(stored.RecordExists);
        Assert.Equal(1, stored.State.Value);
    }

    [Fact]
    public async Task ReadStateAsync_picks_up_what_another_writer_stored()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        var otherEtag = await WriteAsAnotherWriterAsync(silo, await grain.GetGrainIdAsync(), 100);

        await grain.ReloadAsync();

        Assert.Equal(100, await grain.GetValueAsync());
        Assert.Equal("other", await grain.GetWriterAsync());
        Assert.Equal(otherEtag, await grain.GetEtagAsync());
    }

    [Fact]
    public async Task A_write_over_another_writers_write_throws_InconsistentStateException_to_the_caller()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        await WriteAsAnotherWriterAsync(silo, await grain.GetGrainIdAsync(), 100);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync().WithinLimit());
    }

    [Fact]
    public async Task A_write_over_another_writers_write_changes_nothing_in_storage()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        var id = await grain.GetGrainIdAsync();
        var otherEtag = await WriteAsAnotherWriterAsync(silo, id, 100);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync().WithinLimit());

        var stored = await ReadStoredAsync(silo, id);
        Assert.Equal(100, stored.State.Value);
        Assert.Equal("other", stored.State.Writer);
        Assert.Equal(otherEtag, stored.ETag);
    }

    [Fact]
    public async Task A_write_over_another_writers_write_deactivates_the_activation()
    {
        var probe = new StorageProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        await WriteAsAnotherWriterAsync(silo, await grain.GetGrainIdAsync(), 100);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync().WithinLimit());
        await silo.IdleAsync();

        Assert.Equal(["activate k", "deactivate k ApplicationError"], probe.Lifecycle);
    }

    [Fact]
    public async Task After_a_conflicting_write_the_next_call_reaches_a_new_activation_with_the_other_writers_state()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        var before = await grain.GetActivationIdAsync();
        var otherEtag = await WriteAsAnotherWriterAsync(silo, await grain.GetGrainIdAsync(), 100);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync().WithinLimit());
        await silo.IdleAsync();

        Assert.NotEqual(before, await grain.GetActivationIdAsync());
        Assert.Equal(new StorageActivationView(100, "other", RecordExists: true, otherEtag), await grain.GetActivationViewAsync());
    }

    [Fact]
    public async Task After_a_conflicting_write_the_new_activation_writes_on_top_of_the_other_writers_state()
    {
        await using var silo = await StartAsync(new StorageProbe());
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        var id = await grain.GetGrainIdAsync();
        await WriteAsAnotherWriterAsync(silo, id, 100);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync().WithinLimit());
        await silo.IdleAsync();

        Assert.Equal(101, await grain.IncrementAsync());

        Assert.Equal(101, (await ReadStoredAsync(silo, id)).State.Value);
    }

    [Fact]
    public async Task A_clear_over_another_writers_write_throws_and_keeps_the_other_writers_record()
    {
        var probe = new StorageProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        await grain.IncrementAsync();
        var id = await grain.GetGrainIdAsync();
        await WriteAsAnotherWriterAsync(silo, id, 100);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.ClearAsync().WithinLimit());
        await silo.IdleAsync();

        var stored = await ReadStoredAsync(silo, id);
        Assert.True(stored.RecordExists);
        Assert.Equal(100, stored.State.Value);
        Assert.Equal(["activate k", "deactivate k ApplicationError"], probe.Lifecycle);
    }

    [Fact]
    public async Task After_a_stale_write_the_requests_already_waiting_run_on_a_fresh_activation_that_reads_the_other_writer()
    {
        var probe = new StorageProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("contended");
        var id = await grain.GetGrainIdAsync();
        var slow = grain.IncrementWhenReleasedAsync();
        var waiting = Enumerable.Range(0, 3).Select(_ => grain.IncrementAsync()).ToArray();

        await WriteAsAnotherWriterAsync(silo, id, 100);
        probe.Release.SetResult();

        await Assert.ThrowsAsync<InconsistentStateException>(() => slow.WithinLimit());
        var results = await Task.WhenAll(waiting).WithinLimit();
        Assert.Equal([101, 102, 103], results);
    }

    private static Task<TestSilo> StartAsync(StorageProbe probe) =>
        Silos.StartAsync(silo => silo.Services.AddSingleton(probe));

    private static IGrainStorage DefaultStorage(TestSilo silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");

    private static async Task<GrainState<StorageCounterState>> ReadStoredAsync(TestSilo silo, GrainId id)
    {
        var state = new GrainState<StorageCounterState>();
        await DefaultStorage(silo).ReadStateAsync(StateName, id, state);
        return state;
    }

    /// <summary>Another writer (another silo, an operator's tool) reads the record and writes over it; returns the new ETag.</summary>
    private static async Task<string?> WriteAsAnotherWriterAsync(TestSilo silo, GrainId id, int value)
    {
        var state = await ReadStoredAsync(silo, id);
        state.State = new StorageCounterState { Value = value, Writer = "other" };
        await DefaultStorage(silo).WriteStateAsync(StateName, id, state);
        return state.ETag;
    }
}
