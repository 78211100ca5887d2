using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>The storage contract: a write with a stale ETag throws and changes nothing.</summary>
public abstract partial class GrainStorageConformance
{
    // ---- ETag conflicts -----------------------------------------------------------------------------------

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_changes_nothing()
    {
        var id = Id("k");
        var first = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, first);
        var staleEtag = first.ETag;
        first.State = new TagState { Number = 2 };
        await Storage.WriteStateAsync(StateName, id, first);

        var stale = new GrainState<TagState>(new TagState { Number = 3 }) { ETag = staleEtag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));

        var read = await ReadAsync<TagState>(id);
        Assert.Equal(2, read.State.Number);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_the_store_never_gave_throws_and_changes_nothing()
    {
        var id = Id("k");
        var first = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, first);

        var forged = new GrainState<TagState>(new TagState { Number = 3 }) { ETag = first.ETag + "0" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, forged));

        var read = await ReadAsync<TagState>(id);
        Assert.Equal(1, read.State.Number);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_no_etag_over_an_existing_record_throws_and_changes_nothing()
    {
        var id = Id("k");
        var first = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, id, first);

        var blind = new GrainState<TagState>(new TagState { Number = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, blind));

        var read = await ReadAsync<TagState>(id);
        Assert.Equal(1, read.State.Number);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_to_a_missing_record_throws_and_creates_nothing()
    {
        var id = Id("k");
        var other = new GrainState<TagState>(new TagState { Number = 1 });
        await Storage.WriteStateAsync(StateName, Id("other"), other);

        var misdirected = new GrainState<TagState>(new TagState { Number = 2 }) { ETag = other.ETag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, misdirected));

        var read = await ReadAsync<TagState>(id);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Of_two_writers_from_the_same_etag_the_first_wins_and_the_second_throws()
    {
        var id = Id("k");
        await Storage.WriteStateAsync(StateName, id, new GrainState<TagState>(new TagState { Number = 0 }));
        var a = await ReadAsync<TagState>(id);
        var b = await ReadAsync<TagState>(id);

        a.State.Text = "a";
        await Storage.WriteStateAsync(StateName, id, a);
        b.State.Text = "b";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, b));

        var read = await ReadAsync<TagState>(id);
        Assert.Equal("a", read.State.Text);
        Assert.Equal(a.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_many_parallel_writers_from_the_same_etag_exactly_one_wins()
    {
        const int writers = 32;
        var id = Id("k");
        await Storage.WriteStateAsync(StateName, id, new GrainState<TagState>(new TagState { Number = -1 }));
        var states = new List<GrainState<TagState>>();
        for (var i = 0; i < writers; i++)
        {
            var state = await ReadAsync<TagState>(id);
            state.State.Number = i;
            states.Add(state);
        }

        using var start = new ManualResetEventSlim(false);
        var cancellation = TestContext.Current.CancellationToken;
        var attempts = states.Select(state => Task.Run(
            async () =>
            {
                start.Wait(cancellation);
                try
                {
                    await Storage.WriteStateAsync(StateName, id, state);
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            },
            cancellation)).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30), cancellation);

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = states[Array.IndexOf(outcomes, true)];
        var read = await ReadAsync<TagState>(id);
        Assert.Equal(winner.State.Number, read.State.Number);
        Assert.Equal(winner.ETag, read.ETag);
    }
}
