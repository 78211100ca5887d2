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
public abstract partial class GrainStorageConformance : IAsyncDisposable
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
