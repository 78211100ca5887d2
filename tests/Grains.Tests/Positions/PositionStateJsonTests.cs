using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.Positions;
using Meridian.Runtime.Storage;

namespace Meridian.Grains.Tests.Positions;

/// <summary>The state survives storage: what the runtime writes, read back, accounts exactly as before.</summary>
public sealed class PositionStateJsonTests
{
    [Fact]
    public void A_position_with_closed_cycles_and_an_open_one_round_trips_through_state_json()
    {
        var position = new TestPosition();
        position.Buy(10m, 100m, commission: 1m);
        position.Sell(15m, 110m, commission: 1.5m);
        position.Buy(5m, 105m, commission: 0.25m);
        position.Buy(0.5m, 101.25m, commission: 0.01m);
        var json = JsonSerializer.Serialize(position.State, StateJson.Options);

        var restored = JsonSerializer.Deserialize<PositionState>(json, StateJson.Options)!;
        var ledger = new PositionLedger("p1", Symbol.Parse("AAPL"), restored);

        Assert.Equal(position.Snapshot, ledger.ToSnapshot());
        Assert.Equal(json, JsonSerializer.Serialize(restored, StateJson.Options));
    }

    [Fact]
    public void Closed_cycles_are_not_in_the_positions_json_but_in_a_record_of_their_own()
    {
        var position = new TestPosition();
        position.Buy(10m, 100m);
        position.Sell(10m, 110m);

        var json = JsonSerializer.Serialize(position.State, StateJson.Options);

        Assert.Single(position.Ledger.ClosedCycles);
        Assert.DoesNotContain("closed_cycles", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_newest_execution_ids_are_remembered()
    {
        var position = new TestPosition();
        var first = position.Next(Side.Buy, 1m, 100m);
        position.Ledger.Apply(first);
        var second = position.Next(Side.Buy, 1m, 100m);
        position.Ledger.Apply(second);
        for (var i = 2; i < PositionLedger.RememberedExecutions + 1; i++)
            position.Ledger.Apply(position.Next(Side.Buy, 1m, 100m));

        // 129 fills: the first has left the window of 128, the second is its oldest entry.
        Assert.False(position.Ledger.Apply(second));
        Assert.True(position.Ledger.Apply(first));
        Assert.Equal(PositionLedger.RememberedExecutions, position.State.RecentExecutionIds.Count);
    }

    [Fact]
    public void A_restored_state_still_refuses_fills_applied_before_it_was_stored()
    {
        var position = new TestPosition();
        var fill = position.Next(Side.Buy, 10m, 100m);
        position.Ledger.Apply(fill);
        var json = JsonSerializer.Serialize(position.State, StateJson.Options);

        var ledger = new PositionLedger("p1", Symbol.Parse("AAPL"), JsonSerializer.Deserialize<PositionState>(json, StateJson.Options)!);

        Assert.False(ledger.Apply(fill));
        Assert.Equal(10m, ledger.ToSnapshot().Quantity);
    }

    [Fact]
    public void A_state_that_never_traded_round_trips_without_an_identity()
    {
        var json = JsonSerializer.Serialize(new PositionState(), StateJson.Options);

        var restored = JsonSerializer.Deserialize<PositionState>(json, StateJson.Options)!;

        Assert.Null(restored.Symbol);
        Assert.Equal(0, restored.Cycle);
        Assert.Empty(restored.RecentExecutionIds);
    }
}
