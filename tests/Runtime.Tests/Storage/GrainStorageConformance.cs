using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>
/// The contract every <see cref="IGrainStorage"/> provider keeps, as facts a provider's test class inherits by
/// deriving from this class and implementing <see cref="CreateStorage"/>.
/// </summary>
/// <remarks>
/// <para>The contract (see the remarks on <see cref="IGrainStorage"/>):</para>
/// <list type="bullet">
/// <item>A record is addressed by (state name, grain id); a grain id is a grain type plus a typed key. Records
/// with different state names, grain types, key kinds or key values are different records: nothing is lost
/// when a key is stored (string "020235" is neither string "20235" nor integer 20235; case and trailing blanks
/// count).</item>
/// <item>Reading a record that does not exist gives <c>RecordExists</c> false, a null ETag and the state type's
/// default value, whatever the state object held before.</item>
/// <item>Writing stores the state exactly (every member, decimals to the last digit, text in any script, a time's
/// offset) and gives a new ETag, the one a later read returns. The store keeps no reference to the written
/// object.</item>
/// <item>A write or a clear must present the ETag of the record as it is stored: null when there has never been
/// one, the ETag of the last successful write or clear otherwise. Any other ETag (an older one, or null over a
/// stored record) makes it throw <see cref="InconsistentStateException"/> and change nothing. Of several writers
/// presenting the same ETag, exactly one succeeds, even when they run at the same time.</item>
/// <item>A clear leaves no record (<c>RecordExists</c> false, default state) but gives a new ETag, which a read
/// also returns and the next write must present; an ETag from before the clear is stale after it.</item>
/// </list>
/// <para>
/// Each test uses a grain type of its own, so a provider whose store outlives a test (a database) needs no
/// cleaning between tests. xunit makes one instance of the class per test: <see cref="CreateStorage"/> runs at
/// most once per test and <see cref="DisposeStorageAsync"/> after it.
/// </para>
/// </remarks>
public abstract class GrainStorageConformance : IAsyncDisposable
{
    private const string StateName = "state";

    private readonly string _grainType = "conformance" + Guid.NewGuid().ToString("N");
    private IGrainStorage? _storage;

    /// <summary>Creates the provider under test.</summary>
    protected abstract IGrainStorage CreateStorage();

    /// <summary>Releases what <see cref="CreateStorage"/> made (connections, files); nothing by default.</summary>
    protected virtual ValueTask DisposeStorageAsync(IGrainStorage storage) => ValueTask.CompletedTask;

    /// <summary>The provider under test, created on first use.</summary>
    protected IGrainStorage Storage => _storage ??= CreateStorage();

    public async ValueTask DisposeAsync()
    {
        if (_storage is { } storage)
            await DisposeStorageAsync(storage);
        GC.SuppressFinalize(this);
    }

    // ---- reads of missing records -------------------------------------------------------------------------

    [Fact]
    public async Task Reading_a_missing_record_gives_no_record_no_etag_and_the_default_state()
    {
        var state = new GrainState<PortfolioState>();

        await Storage.ReadStateAsync(StateName, Id("missing"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        AssertIsDefault(state.State);
    }

    [Fact]
    public async Task Reading_a_missing_record_resets_whatever_the_state_object_held()
    {
        var state = new GrainState<PortfolioState>(Sample()) { ETag = "some-etag", RecordExists = true };

        await Storage.ReadStateAsync(StateName, Id("missing"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        AssertIsDefault(state.State);
    }

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

    // ---- keys ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_string_key_and_an_integer_key_with_the_same_digits_are_different_records()
    {
        var stringId = Id(GrainKey.FromString("020235"));
        var integerId = Id(GrainKey.FromInteger(20235));
        await Storage.WriteStateAsync(StateName, stringId, new GrainState<TagState>(new TagState { Text = "string 020235" }));

        var integerRead = await ReadAsync<TagState>(integerId);
        Assert.False(integerRead.RecordExists);

        await Storage.WriteStateAsync(StateName, integerId, new GrainState<TagState>(new TagState { Text = "integer 20235" }));
        Assert.Equal("string 020235", (await ReadAsync<TagState>(stringId)).State.Text);
        Assert.Equal("integer 20235", (await ReadAsync<TagState>(integerId)).State.Text);
    }

    [Fact]
    public async Task String_keys_that_differ_only_in_leading_zeros_are_different_records()
    {
        var padded = Id(GrainKey.FromString("020235"));
        var plain = Id(GrainKey.FromString("20235"));
        await Storage.WriteStateAsync(StateName, padded, new GrainState<TagState>(new TagState { Text = "020235" }));

        Assert.False((await ReadAsync<TagState>(plain)).RecordExists);

        await Storage.WriteStateAsync(StateName, plain, new GrainState<TagState>(new TagState { Text = "20235" }));
        Assert.Equal("020235", (await ReadAsync<TagState>(padded)).State.Text);
        Assert.Equal("20235", (await ReadAsync<TagState>(plain)).State.Text);
    }

    [Fact]
    public async Task Keys_of_every_kind_and_value_are_distinct_records()
    {
        var keys = DistinctKeys();
        for (var i = 0; i < keys.Count; i++)
            await Storage.WriteStateAsync(StateName, Id(keys[i]), new GrainState<TagState>(new TagState { Number = i, Text = keys[i].ToString() }));

        for (var i = 0; i < keys.Count; i++)
        {
            var read = await ReadAsync<TagState>(Id(keys[i]));
            Assert.True(read.RecordExists, $"key {keys[i]} has no record");
            Assert.Equal(i, read.State.Number);
            Assert.Equal(keys[i].ToString(), read.State.Text);
        }
    }

    [Theory]
    [InlineData("string")]
    [InlineData("guid")]
    [InlineData("integer")]
    [InlineData("guid+extension")]
    [InlineData("integer+extension")]
    public async Task Every_key_kind_round_trips(string kind)
    {
        var key = kind switch
        {
            "string" => GrainKey.FromString("EURUSD"),
            "guid" => GrainKey.FromGuid(new Guid("6f1c2b9e-8d2a-4c41-9f7b-0a3e5d6c7b8a")),
            "integer" => GrainKey.FromInteger(-9_007_199_254_740_993),
            "guid+extension" => GrainKey.FromGuidCompound(new Guid("6f1c2b9e-8d2a-4c41-9f7b-0a3e5d6c7b8a"), "desk/1"),
            "integer+extension" => GrainKey.FromIntegerCompound(9_007_199_254_740_993, "desk+2"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown key kind"),
        };
        var id = Id(key);
        var written = new GrainState<TagState>(new TagState { Number = 42, Text = kind });

        await Storage.WriteStateAsync(StateName, id, written);
        var read = await ReadAsync<TagState>(id);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State.Number);
        Assert.Equal(kind, read.State.Text);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Two_grain_types_with_the_same_key_and_state_name_do_not_collide()
    {
        var key = GrainKey.FromString("shared");
        var first = new GrainId(_grainType + "a", key);
        var second = new GrainId(_grainType + "b", key);
        var firstState = new GrainState<TagState>(new TagState { Text = "a" });
        await Storage.WriteStateAsync(StateName, first, firstState);

        Assert.False((await ReadAsync<TagState>(second)).RecordExists);

        await Storage.WriteStateAsync(StateName, second, new GrainState<TagState>(new TagState { Text = "b" }));
        var firstRead = await ReadAsync<TagState>(first);
        Assert.Equal("a", firstRead.State.Text);
        Assert.Equal(firstState.ETag, firstRead.ETag);
        Assert.Equal("b", (await ReadAsync<TagState>(second)).State.Text);
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_do_not_collide()
    {
        var id = Id("k");
        var orders = new GrainState<TagState>(new TagState { Text = "orders" });
        await Storage.WriteStateAsync("orders", id, orders);

        var positions = new GrainState<TagState>();
        await Storage.ReadStateAsync("positions", id, positions);
        Assert.False(positions.RecordExists);

        positions.State.Text = "positions";
        await Storage.WriteStateAsync("positions", id, positions);
        var ordersRead = new GrainState<TagState>();
        await Storage.ReadStateAsync("orders", id, ordersRead);
        Assert.Equal("orders", ordersRead.State.Text);
        Assert.Equal(orders.ETag, ordersRead.ETag);
    }

    [Fact]
    public async Task Clearing_one_record_leaves_the_records_of_other_keys_alone()
    {
        var cleared = Id("cleared");
        var kept = Id("kept");
        var clearedState = new GrainState<TagState>(new TagState { Text = "cleared" });
        var keptState = new GrainState<TagState>(new TagState { Text = "kept" });
        await Storage.WriteStateAsync(StateName, cleared, clearedState);
        await Storage.WriteStateAsync(StateName, kept, keptState);

        await Storage.ClearStateAsync(StateName, cleared, clearedState);

        var read = await ReadAsync<TagState>(kept);
        Assert.True(read.RecordExists);
        Assert.Equal("kept", read.State.Text);
        Assert.Equal(keptState.ETag, read.ETag);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private GrainId Id(string key) => Id(GrainKey.FromString(key));

    private GrainId Id(GrainKey key) => new(_grainType, key);

    private async Task<GrainState<TState>> ReadAsync<TState>(GrainId id)
    {
        var state = new GrainState<TState>();
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    /// <summary>Keys that a lossy store (case folding, trimming, number parsing, kind dropping) would merge.</summary>
    private static List<GrainKey> DistinctKeys()
    {
        var guid = new Guid("0d9e6c3a-51f4-4b7e-a2c8-9f1e7d3b5a60");
        return
        [
            GrainKey.FromString("020235"),
            GrainKey.FromString("20235"),
            GrainKey.FromString("abc"),
            GrainKey.FromString("ABC"),
            GrainKey.FromString("abc "),
            GrainKey.FromString(string.Empty),
            GrainKey.FromString("a/b"),
            GrainKey.FromString("i:20235"),
            GrainKey.FromString(guid.ToString("N")),
            GrainKey.FromString("Zürich"),
            GrainKey.FromString("Zu\u0308rich"),
            GrainKey.FromInteger(20235),
            GrainKey.FromInteger(-20235),
            GrainKey.FromInteger(0),
            GrainKey.FromInteger(long.MaxValue),
            GrainKey.FromInteger(long.MinValue),
            GrainKey.FromGuid(guid),
            GrainKey.FromGuid(Guid.Empty),
            GrainKey.FromGuidCompound(guid, string.Empty),
            GrainKey.FromGuidCompound(guid, "x"),
            GrainKey.FromGuidCompound(guid, "X"),
            GrainKey.FromIntegerCompound(20235, string.Empty),
            GrainKey.FromIntegerCompound(20235, "x"),
            GrainKey.FromIntegerCompound(2023, "5+x"),
        ];
    }

    /// <summary>A state whose every member differs from its default and exercises an exactness trap.</summary>
    private static PortfolioState Sample() => new()
    {
        Name = "Desk \"Ω\" — Zürich/東京 🚀 \\ tab\tnew\nline",
        Cash = 123456789012345678.0123456789m,
        Sequence = long.MinValue + 1,
        LastSide = OrderSide.Sell,
        AsOf = new DateTimeOffset(2024, 3, 15, 13, 45, 30, TimeSpan.FromHours(5.5)).AddTicks(1_234_567),
        Note = null,
        Symbols = ["EURUSD", "7203.T", "BRK.B", "ÆØÅ"],
        Limits = new Dictionary<string, decimal> { ["EURUSD"] = 0.0000001m, ["gross"] = -79228162514264337593543950335m },
        Largest = new Position { Symbol = "7203.T", Quantity = -1500.25m, Fills = [0.1m, 0.2m, 3.000000000000000000000000001m] },
        Revision = 17,
    };

    private static void AssertIsSample(PortfolioState state)
    {
        var expected = Sample();
        Assert.Equal(expected.Name, state.Name);
        Assert.Equal(expected.Cash, state.Cash);
        Assert.Equal(expected.Sequence, state.Sequence);
        Assert.Equal(expected.LastSide, state.LastSide);
        Assert.Equal(expected.AsOf, state.AsOf);
        Assert.Equal(expected.AsOf.Offset, state.AsOf.Offset);
        Assert.Equal(expected.AsOf.Ticks, state.AsOf.Ticks);
        Assert.Null(state.Note);
        Assert.Equal(expected.Symbols, state.Symbols);
        Assert.Equal(expected.Limits.OrderBy(p => p.Key, StringComparer.Ordinal), state.Limits.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.NotNull(state.Largest);
        Assert.Equal(expected.Largest!.Symbol, state.Largest.Symbol);
        Assert.Equal(expected.Largest.Quantity, state.Largest.Quantity);
        Assert.Equal(expected.Largest.Fills, state.Largest.Fills);
        Assert.Equal(expected.Revision, state.Revision);
    }

    private static void AssertIsDefault(PortfolioState state)
    {
        Assert.NotNull(state);
        Assert.Equal(string.Empty, state.Name);
        Assert.Equal(0m, state.Cash);
        Assert.Equal(0L, state.Sequence);
        Assert.Equal(OrderSide.Buy, state.LastSide);
        Assert.Equal(default, state.AsOf);
        Assert.Null(state.Note);
        Assert.Empty(state.Symbols);
        Assert.Empty(state.Limits);
        Assert.Null(state.Largest);
        Assert.Equal(0, state.Revision);
    }
}
