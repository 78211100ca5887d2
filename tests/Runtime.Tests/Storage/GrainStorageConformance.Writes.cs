using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>The storage contract: writes store the state exactly and give a new ETag.</summary>
public abstract partial class GrainStorageConformance
{
    // ---- writes -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Writing_then_reading_round_trips_every_member_exactly()
    {
        var id = Id("round-trip");
        await Storage.WriteStateAsync(StateName, id, new GrainState<PortfolioState>(Sample()));

        var read = await ReadAsync<PortfolioState>(id);

        Assert.True(read.RecordExists);
        AssertIsSample(read.State);
    }

    [Fact]
    public async Task A_write_sets_a_non_null_etag_and_marks_the_record_as_existing()
    {
        var state = new GrainState<TagState>(new TagState { Number = 1 });

        await Storage.WriteStateAsync(StateName, Id("k"), state);

        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task A_read_returns_the_etag_of_the_last_write()
    {
        var id = Id("k");
        var writer = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, writer);

        var read = await ReadAsync<TagState>(id);

        Assert.Equal(writer.ETag, read.ETag);
    }

    [Fact]
    public async Task Each_write_gives_a_new_etag()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState());
        var etags = new List<string?>();
        for (var i = 1; i <= 5; i++)
        {
            state.State.Number = i;
            await Storage.WriteStateAsync(StateName, id, state);
            etags.Add(state.ETag);
        }

        Assert.All(etags, etag => Assert.NotNull(etag));
        Assert.Equal(5, etags.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_write_with_the_current_etag_replaces_the_state()
    {
        var id = Id("k");
        var state = new GrainState<TagState>(new TagState { Number = 1, Text = "first" });
        await Storage.WriteStateAsync(StateName, id, state);

        state.State = new TagState { Number = 2, Text = "second" };
        await Storage.WriteStateAsync(StateName, id, state);

        var read = await ReadAsync<TagState>(id);
        Assert.Equal(2, read.State.Number);
        Assert.Equal("second", read.State.Text);
    }

    [Fact]
    public async Task Changing_a_state_object_after_writing_it_does_not_change_the_stored_state()
    {
        var id = Id("k");
        var written = Sample();
        await Storage.WriteStateAsync(StateName, id, new GrainState<PortfolioState>(written));

        written.Cash = 0m;
        written.Symbols.Add("CHANGED");
        written.Largest!.Fills.Clear();

        var read = await ReadAsync<PortfolioState>(id);
        AssertIsSample(read.State);
    }

    [Fact]
    public async Task Two_reads_do_not_share_a_state_object()
    {
        var id = Id("k");
        await Storage.WriteStateAsync(StateName, id, new GrainState<PortfolioState>(Sample()));

        var first = await ReadAsync<PortfolioState>(id);
        first.State.Symbols.Add("CHANGED");
        var second = await ReadAsync<PortfolioState>(id);

        AssertIsSample(second.State);
    }
}
