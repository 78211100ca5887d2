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
        Assert.Equal(position.Ledger.ClosedCycles, ledger.ClosedCycles);
        Assert.Equal(json, JsonSerializer.Serialize(restored, StateJson.Options));
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
        Assert.Empty(restored.AppliedExecutionIds);
    }
}
