using Meridian.Grains.Domain;
using Meridian.Grains.Positions;

namespace Meridian.Grains.Tests.Positions;

/// <summary>Netting, average price, realized P&amp;L, fees and idempotency within one cycle. Numbers worked out by hand.</summary>
public sealed class PositionLedgerTests
{
    [Fact]
    public void A_position_that_never_traded_is_flat_with_no_history()
    {
        var position = new TestPosition().Snapshot;

        Assert.True(position.IsFlat);
        Assert.Null(position.AverageEntryPrice);
        Assert.Equal(0, position.Cycle);
        Assert.Equal(0, position.FillCount);
        Assert.Null(position.OpenedAt);
        Assert.Null(position.LastFillAt);
        Assert.Equal(Money.Zero, position.UnrealizedPnl(Price.Of(10m)));
    }

    [Fact]
    public void Partial_buys_build_a_long_at_the_quantity_weighted_average_price()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);

        // buy 100 @ 10, buy 50 @ 13 -> avg (1000 + 650) / 150 = 11
        var snapshot = position.Buy(50m, 13m);

        Assert.Equal(150m, snapshot.Quantity);
        Assert.Equal(11m, snapshot.AverageEntryPrice?.Value);
        Assert.Equal(0m, snapshot.RealizedPnl.Amount);
        Assert.Equal(1, snapshot.Cycle);
        Assert.Equal(TestPosition.TimeOf(1), snapshot.OpenedAt);
        Assert.Equal(TestPosition.TimeOf(2), snapshot.LastFillAt);
        Assert.Equal(2, snapshot.FillCount);
    }

    [Fact]
    public void Selling_part_of_a_long_realizes_on_the_quantity_sold_and_keeps_the_average()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);
        position.Buy(50m, 13m);

        // avg 11; sell 120 @ 12 -> realized (12 - 11) * 120 = 120; left 30 @ 11
        var snapshot = position.Sell(120m, 12m);

        Assert.Equal(30m, snapshot.Quantity);
        Assert.Equal(11m, snapshot.AverageEntryPrice?.Value);
        Assert.Equal(120m, snapshot.RealizedPnl.Amount);
        Assert.Empty(position.Ledger.ClosedCycles);
    }

    [Fact]
    public void Partial_sells_build_a_short_at_the_quantity_weighted_average_price()
    {
        var position = new TestPosition();
        position.Sell(30m, 20m);

        // sell 30 @ 20, sell 10 @ 24 -> -40 at avg (600 + 240) / 40 = 21
        var snapshot = position.Sell(10m, 24m);

        Assert.Equal(-40m, snapshot.Quantity);
        Assert.Equal(21m, snapshot.AverageEntryPrice?.Value);
    }

    [Fact]
    public void Covering_part_of_a_short_below_its_average_realizes_a_gain()
    {
        var position = new TestPosition();
        position.Sell(40m, 21m);

        // buy 15 @ 18 -> realized (18 - 21) * 15 * (-1) = +45; left -25 @ 21
        var snapshot = position.Buy(15m, 18m);

        Assert.Equal(45m, snapshot.RealizedPnl.Amount);
        Assert.Equal(-25m, snapshot.Quantity);
        Assert.Equal(21m, snapshot.AverageEntryPrice?.Value);
    }

    [Fact]
    public void Covering_part_of_a_short_above_its_average_realizes_a_loss()
    {
        var position = new TestPosition();
        position.Sell(10m, 50m);

        // buy 4 @ 55 -> realized (55 - 50) * 4 * (-1) = -20; left -6 @ 50
        var snapshot = position.Buy(4m, 55m);

        Assert.Equal(-20m, snapshot.RealizedPnl.Amount);
        Assert.Equal(-6m, snapshot.Quantity);
        Assert.Equal(50m, snapshot.AverageEntryPrice?.Value);
    }

    [Fact]
    public void Adding_after_a_reduction_averages_the_units_still_held_with_the_new_ones()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);
        position.Sell(50m, 12m);

        // 50 held @ 10; buy 50 @ 14 -> avg (50 * 10 + 50 * 14) / 100 = 12
        var snapshot = position.Buy(50m, 14m);

        Assert.Equal(100m, snapshot.Quantity);
        Assert.Equal(12m, snapshot.AverageEntryPrice?.Value);
        Assert.Equal(100m, snapshot.RealizedPnl.Amount);
    }

    [Fact]
    public void Every_commission_adds_to_the_fees_and_realized_pnl_stays_gross_of_them()
    {
        var position = new TestPosition();
        position.Buy(10m, 10m, commission: 1m);
        position.Buy(10m, 10.5m, commission: 1m);

        // avg (100 + 105) / 20 = 10.25; sell 20 @ 11 -> realized (11 - 10.25) * 20 = 15 gross;
        // fees 1 + 1 + 1.25 = 3.25; net 15 - 3.25 = 11.75
        var snapshot = position.Sell(20m, 11m, commission: 1.25m);

        Assert.Equal(15m, snapshot.RealizedPnl.Amount);
        Assert.Equal(3.25m, snapshot.Fees.Amount);
        Assert.Equal(11.75m, (snapshot.RealizedPnl - snapshot.Fees).Amount);
    }

    [Fact]
    public void A_fill_delivered_twice_is_applied_once()
    {
        var position = new TestPosition();
        var fill = position.Next(Side.Buy, 100m, 10m, commission: 1m);
        Assert.True(position.Ledger.Apply(fill));
        var before = position.Snapshot;

        Assert.False(position.Ledger.Apply(fill));
        Assert.False(position.Ledger.Apply(fill with { Side = Side.Sell, Price = Price.Of(12m) }));

        Assert.Equal(before, position.Snapshot);
        Assert.Equal(100m, before.Quantity);
        Assert.Equal(1m, before.Fees.Amount);
        Assert.Equal(1, before.FillCount);
    }

    [Fact]
    public void Fractional_quantities_average_and_realize_exactly()
    {
        var position = new TestPosition();
        position.Buy(0.5m, 30000m);
        // basis 15000 + 9000 = 24000 over 0.75 -> avg 32000
        Assert.Equal(32000m, position.Buy(0.25m, 36000m).AverageEntryPrice?.Value);

        // sell 0.6 @ 33000 -> realized (33000 - 32000) * 0.6 = 600; left 0.15 @ 32000
        var snapshot = position.Sell(0.6m, 33000m);

        Assert.Equal(600m, snapshot.RealizedPnl.Amount);
        Assert.Equal(0.15m, snapshot.Quantity);
        Assert.Equal(32000m, snapshot.AverageEntryPrice?.Value);
    }

    [Fact]
    public void Quantities_to_nine_decimals_are_kept_to_the_last_unit()
    {
        var position = new TestPosition();
        position.Buy(0.123456789m, 2m);

        // sell 0.000000001 @ 3 -> realized (3 - 2) * 0.000000001; left 0.123456788
        var snapshot = position.Sell(0.000000001m, 3m);

        Assert.Equal(0.123456788m, snapshot.Quantity);
        Assert.Equal(0.000000001m, snapshot.RealizedPnl.Amount);
    }

    [Fact]
    public void An_average_that_does_not_terminate_is_rounded_to_nine_decimals()
    {
        var position = new TestPosition();
        position.Buy(1m, 10m);

        // (10 + 22) / 3 = 10.6666... -> 10.666666667
        Assert.Equal(10.666666667m, position.Buy(2m, 11m).AverageEntryPrice?.Value);
        // sell 1 @ 12 -> basis removed 32 / 3 -> 10.666666667; realized 12 - 10.666666667 = 1.333333333
        Assert.Equal(1.333333333m, position.Sell(1m, 12m).RealizedPnl.Amount);
    }

    [Fact]
    public void Closing_a_position_realizes_exactly_its_proceeds_less_its_cost_whatever_the_rounding_on_the_way()
    {
        var position = new TestPosition();
        position.Buy(1m, 10m);
        position.Buy(2m, 11m);
        position.Sell(1m, 12m);

        // cost 10 + 22 = 32, proceeds 12 + 24 = 36 -> realized 4 (1.333333333 + 2.666666667), not 3.999999999
        var snapshot = position.Sell(2m, 12m);

        Assert.Equal(4m, snapshot.RealizedPnl.Amount);
    }

    [Fact]
    public void Closing_a_position_removes_its_whole_cost_even_when_the_cost_has_more_than_nine_decimals()
    {
        var position = new TestPosition();
        position.Buy(1.5m, 1.000000001m);

        // cost 1.5 * 1.000000001 = 1.5000000015, proceeds 1.5 * 2 = 3 -> realized 1.4999999985
        var snapshot = position.Sell(1.5m, 2m);

        Assert.Equal(1.4999999985m, snapshot.RealizedPnl.Amount);
    }

    [Fact]
    public void Unrealized_pnl_of_a_long_is_the_mark_less_the_average_times_the_quantity()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);
        var snapshot = position.Buy(50m, 13m);

        // 150 @ 11, mark 12.5 -> (12.5 - 11) * 150 = 225; market value 150 * 12.5 = 1875
        Assert.Equal(225m, snapshot.UnrealizedPnl(Price.Of(12.5m)).Amount);
        Assert.Equal(1875m, snapshot.MarketValue(Price.Of(12.5m)).Amount);
    }

    [Fact]
    public void Unrealized_pnl_of_a_short_gains_when_the_mark_falls_and_loses_when_it_rises()
    {
        var position = new TestPosition();
        position.Sell(30m, 20m);
        var snapshot = position.Sell(10m, 24m);

        // -40 @ 21: mark 19 -> (19 - 21) * (-40) = +80; mark 23 -> (23 - 21) * (-40) = -80; value at 19: -40 * 19 = -760
        Assert.Equal(80m, snapshot.UnrealizedPnl(Price.Of(19m)).Amount);
        Assert.Equal(-80m, snapshot.UnrealizedPnl(Price.Of(23m)).Amount);
        Assert.Equal(-760m, snapshot.MarketValue(Price.Of(19m)).Amount);
    }

    [Fact]
    public void A_fill_without_execution_id_or_quantity_is_refused_naming_both_and_changes_nothing()
    {
        var position = new TestPosition();
        var fill = position.Next(Side.Buy, 10m, 10m) with { ExecutionId = "", Quantity = Quantity.Zero };

        var error = Assert.Throws<InvalidInputException>(() => position.Ledger.Apply(fill));

        Assert.Equal(["execution_id", "quantity"], error.Errors.Select(e => e.Field));
        Assert.Equal(0, position.Snapshot.FillCount);
    }

    [Fact]
    public void A_ledger_refuses_the_state_of_another_position()
    {
        var state = new TestPosition().State;

        var error = Assert.Throws<InvalidOperationException>(() => new PositionLedger("p2", Symbol.Parse("AAPL"), state));

        Assert.Contains("'p2/AAPL' was given the state of position 'p1/AAPL'", error.Message, StringComparison.Ordinal);
    }
}
