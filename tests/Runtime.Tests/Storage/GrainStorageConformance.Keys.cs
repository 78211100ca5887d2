using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>The storage contract: records are addressed without loss by state name, grain type and typed key.</summary>
public abstract partial class GrainStorageConformance
{
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
}
