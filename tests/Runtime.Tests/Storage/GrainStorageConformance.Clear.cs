using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>The storage contract: a clear leaves no record but keeps counting ETags.</summary>
public abstract partial class GrainStorageConformance
{
    // ---- clear --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Clearing_makes_the_record_missing_and_resets_the_state_object()
    {
        var id = Id("k");
        var state = new GrainState<PortfolioState>(Sample());
        await Storage.WriteStateAsync(StateName, id, state);

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        AssertIsDefault(state.State);
    }

    [Fact]
    public async Task After_a_clear_a_read_finds_no_record_and_the_default_state()
    {
        var id = Id("k");
        var state = new GrainState<PortfolioState>(Sample());
        await Storage.WriteStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        var read = await ReadAsync<PortfolioState>(id);

        Assert.False(read.RecordExists);
        AssertIsDefault(read.State);
    }

    [Fact]
    public async Task A_clear_gives_a_new_etag()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, state);
        var writeEtag = state.ETag;

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.NotNull(state.ETag);
        Assert.NotEqual(writeEtag, state.ETag);
    }

    [Fact]
    public async Task A_write_with_the_etag_returned_by_clear_succeeds()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        state.State = new TagState { Number = 7, Text = "after clear" };
        await Storage.WriteStateAsync(StateName, id, state);

        var read = await ReadAsync<TagState>(id);
        Assert.True(read.RecordExists);
        Assert.Equal(7, read.State.Number);
        Assert.Equal("after clear", read.State.Text);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_read_after_a_clear_gives_the_etag_the_next_write_must_present()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        var fresh = await ReadAsync<TagState>(id);
        Assert.Equal(state.ETag, fresh.ETag);
        fresh.State.Number = 9;
        await Storage.WriteStateAsync(StateName, id, fresh);

        Assert.Equal(9, (await ReadAsync<TagState>(id)).State.Number);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_is_stale_after_it()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, state);
        var beforeClear = state.ETag;
        await Storage.ClearStateAsync(StateName, id, state);

        var stale = new GrainState<TagState>(new TagState { Number = 2 }) { ETag = beforeClear, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));

        var read = await ReadAsync<TagState>(id);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_no_etag_after_a_clear_throws()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        var blind = new GrainState<TagState>(new TagState { Number = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, blind));

        Assert.False((await ReadAsync<TagState>(id)).RecordExists);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_throws_and_keeps_the_record()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, state);
        var staleEtag = state.ETag;
        state.State.Number = 2;
        await Storage.WriteStateAsync(StateName, id, state);

        var stale = new GrainState<TagState>(new TagState()) { ETag = staleEtag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, stale));

        var read = await ReadAsync<TagState>(id);
        Assert.True(read.RecordExists);
        Assert.Equal(2, read.State.Number);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_a_missing_record_with_no_etag_succeeds_and_leaves_it_missing()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 5 });

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State.Number);
        var read = await ReadAsync<TagState>(id);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State.Number);
    }
}
