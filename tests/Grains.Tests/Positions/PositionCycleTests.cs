using Meridian.Grains.Domain;
using Meridian.Grains.Positions;

namespace Meridian.Grains.Tests.Positions;

/// <summary>Cycles: going flat, reopening, flipping through zero, and what a closed cycle records. Numbers worked out by hand.</summary>
public sealed class PositionCycleTests
{
    private static DateTimeOffset T(int fill) => TestPosition.TimeOf(fill);

    [Fact]
    public void Selling_more_than_a_long_closes_it_and_opens_a_short_with_the_remainder_at_the_fill_price()
    {
        var position = new TestPosition();
        position.Buy(10m, 100m, commission: 1m);

        // sell 15 @ 110, commission 1.5: close 10 -> realized (110 - 100) * 10 = 100; commission split by quantity:
        // closing 1.5 * 10/15 = 1.0, opening 0.5. Cycle 1: fees 1 + 1.0 = 2, 2 fills. Left -5 @ 110 in cycle 2.
        var snapshot = position.Sell(15m, 110m, commission: 1.5m);

        Assert.Equal(
            [new PositionCycle(1, Side.Buy, T(1), T(2), 10m, Price.Of(100m), Price.Of(110m), Money.Of(100m), Money.Of(2m), 2)],
            position.Ledger.ClosedCycles);
        Assert.Equal(-5m, snapshot.Quantity);
        Assert.Equal(110m, snapshot.AverageEntryPrice?.Value);
        Assert.Equal(2, snapshot.Cycle);
        Assert.Equal(T(2), snapshot.OpenedAt);
        Assert.Equal(100m, snapshot.RealizedPnl.Amount);
        Assert.Equal(2.5m, snapshot.Fees.Amount);
        Assert.Equal(2, snapshot.FillCount);
    }

    [Fact]
    public void The_cycle_opened_by_a_flip_carries_its_share_of_the_flip_commission()
    {
        var position = new TestPosition();
        position.Buy(10m, 100m, commission: 1m);
        position.Sell(15m, 110m, commission: 1.5m);

        // -5 @ 110 with 0.5 of fees; buy 5 @ 105, commission 0.25 -> realized (105 - 110) * 5 * (-1) = 25;
        // cycle 2 fees 0.5 + 0.25 = 0.75 over 2 fills; totals: realized 100 + 25 = 125, fees 2 + 0.75 = 2.75
        var snapshot = position.Buy(5m, 105m, commission: 0.25m);

        Assert.Equal(
            new PositionCycle(2, Side.Sell, T(2), T(3), 5m, Price.Of(110m), Price.Of(105m), Money.Of(25m), Money.Of(0.75m), 2),
            position.Ledger.ClosedCycles[1]);
        Assert.Equal(125m, snapshot.RealizedPnl.Amount);
        Assert.Equal(2.75m, snapshot.Fees.Amount);
        Assert.Equal(3, snapshot.FillCount);
    }

    [Fact]
    public void Buying_more_than_a_short_covers_it_and_opens_a_long_with_the_remainder_at_the_fill_price()
    {
        var position = new TestPosition();
        position.Sell(20m, 50m, commission: 2m);

        // buy 30 @ 45, commission 3: cover 20 -> realized (45 - 50) * 20 * (-1) = 100; closing fee 3 * 20/30 = 2,
        // opening 1. Cycle 1: fees 2 + 2 = 4. Left +10 @ 45.
        var snapshot = position.Buy(30m, 45m, commission: 3m);

        Assert.Equal(
            [new PositionCycle(1, Side.Sell, T(1), T(2), 20m, Price.Of(50m), Price.Of(45m), Money.Of(100m), Money.Of(4m), 2)],
            position.Ledger.ClosedCycles);
        Assert.Equal(10m, snapshot.Quantity);
        Assert.Equal(45m, snapshot.AverageEntryPrice?.Value);
        Assert.Equal(5m, snapshot.Fees.Amount);
    }

    [Fact]
    public void A_flip_commission_that_does_not_divide_evenly_is_split_into_parts_that_sum_to_it()
    {
        var position = new TestPosition();
        position.Buy(10m, 100m);
        // commission 1 over 15: closing 1 * 10/15 = 0.6666... -> 0.666666667; opening 1 - 0.666666667 = 0.333333333
        position.Sell(15m, 100m, commission: 1m);
        position.Buy(5m, 100m);

        var cycles = position.Ledger.ClosedCycles;

        Assert.Equal(0.666666667m, cycles[0].Fees.Amount);
        Assert.Equal(0.333333333m, cycles[1].Fees.Amount);
        Assert.Equal(1m, position.Snapshot.Fees.Amount);
    }

    [Fact]
    public void Going_flat_closes_the_cycle_and_leaves_no_average_or_opening_time()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);

        // sell 100 @ 12 -> realized (12 - 10) * 100 = 200
        var snapshot = position.Sell(100m, 12m);

        Assert.True(snapshot.IsFlat);
        Assert.Null(snapshot.AverageEntryPrice);
        Assert.Null(snapshot.OpenedAt);
        Assert.Equal(1, snapshot.Cycle);
        Assert.Equal(200m, snapshot.RealizedPnl.Amount);
        Assert.Equal(
            [new PositionCycle(1, Side.Buy, T(1), T(2), 100m, Price.Of(10m), Price.Of(12m), Money.Of(200m), Money.Zero, 2)],
            position.Ledger.ClosedCycles);
    }

    [Fact]
    public void Reopening_after_flat_starts_the_next_cycle_with_fresh_averages_and_keeps_the_closed_one()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);
        position.Sell(100m, 12m);

        // cycle 2: buy 50 @ 20 (avg 20, not mixed with cycle 1's 10); sell 50 @ 19 -> realized (19 - 20) * 50 = -50;
        // total realized 200 - 50 = 150
        Assert.Equal(20m, position.Buy(50m, 20m).AverageEntryPrice?.Value);
        var snapshot = position.Sell(50m, 19m);

        Assert.Equal(
            [
                new PositionCycle(1, Side.Buy, T(1), T(2), 100m, Price.Of(10m), Price.Of(12m), Money.Of(200m), Money.Zero, 2),
                new PositionCycle(2, Side.Buy, T(3), T(4), 50m, Price.Of(20m), Price.Of(19m), Money.Of(-50m), Money.Zero, 2),
            ],
            position.Ledger.ClosedCycles);
        Assert.Equal(150m, snapshot.RealizedPnl.Amount);
        Assert.Equal(2, snapshot.Cycle);
    }

    [Fact]
    public void A_closed_cycle_averages_all_its_entries_and_all_its_exits()
    {
        var position = new TestPosition();
        position.Buy(100m, 10m);
        position.Sell(50m, 12m);  // realized (12 - 10) * 50 = 100
        position.Buy(50m, 14m);   // avg (500 + 700) / 100 = 12
        position.Sell(100m, 15m); // realized (15 - 12) * 100 = 300

        // entries 1000 + 700 over 150 = 11.3333... -> 11.333333333; exits 600 + 1500 over 150 = 14;
        // realized 100 + 300 = 400 = exit notional 2100 - entry notional 1700; max held 100
        Assert.Equal(
            [new PositionCycle(1, Side.Buy, T(1), T(4), 100m, Price.Of(11.333333333m), Price.Of(14m), Money.Of(400m), Money.Zero, 4)],
            position.Ledger.ClosedCycles);
    }

    [Fact]
    public void The_worked_example_of_the_accounting_doc_holds()
    {
        var position = new TestPosition();
        position.Buy(10m, 100m, commission: 1m);
        Assert.Equal(102m, position.Buy(5m, 106m, commission: 0.5m).AverageEntryPrice?.Value);
        position.Sell(20m, 110m, commission: 2m);

        var snapshot = position.Buy(5m, 104m, commission: 0.25m);

        Assert.Equal(
            [
                new PositionCycle(1, Side.Buy, T(1), T(3), 15m, Price.Of(102m), Price.Of(110m), Money.Of(120m), Money.Of(3m), 3),
                new PositionCycle(2, Side.Sell, T(3), T(4), 5m, Price.Of(110m), Price.Of(104m), Money.Of(30m), Money.Of(0.75m), 2),
            ],
            position.Ledger.ClosedCycles);
        Assert.Equal(150m, snapshot.RealizedPnl.Amount);
        Assert.Equal(3.75m, snapshot.Fees.Amount);
    }

    [Fact]
    public void Closed_cycles_handed_out_do_not_change_with_later_fills()
    {
        var position = new TestPosition();
        position.Buy(1m, 10m);
        position.Sell(1m, 11m);
        var before = position.Ledger.ClosedCycles;

        position.Buy(1m, 12m);
        position.Sell(1m, 13m);

        Assert.Single(before);
        Assert.Equal(2, position.Ledger.ClosedCycles.Count);
    }
}
