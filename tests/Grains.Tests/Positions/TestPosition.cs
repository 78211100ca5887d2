using Meridian.Grains.Domain;
using Meridian.Grains.Positions;

namespace Meridian.Grains.Tests.Positions;

/// <summary>A ledger of portfolio "p1" in AAPL fed fills e1, e2, ... one minute apart, so a test reads as its trades.</summary>
internal sealed class TestPosition
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);

    private int _fills;

    public TestPosition() => Ledger = new PositionLedger("p1", Symbol.Parse("AAPL"), State);

    public PositionState State { get; } = new();

    public PositionLedger Ledger { get; }

    public PositionSnapshot Snapshot => Ledger.ToSnapshot();

    /// <summary>When fill number <paramref name="fill"/> (1 for e1) happened.</summary>
    public static DateTimeOffset TimeOf(int fill) => Start.AddMinutes(fill);

    public PositionSnapshot Buy(decimal quantity, decimal price, decimal commission = 0m) => Apply(Side.Buy, quantity, price, commission);

    public PositionSnapshot Sell(decimal quantity, decimal price, decimal commission = 0m) => Apply(Side.Sell, quantity, price, commission);

    /// <summary>The next fill, not applied.</summary>
    public PositionFill Next(Side side, decimal quantity, decimal price, decimal commission = 0m)
    {
        _fills++;
        return new PositionFill("e" + _fills, "o" + _fills, side, Quantity.Of(quantity), Price.Of(price), Money.Of(commission), TimeOf(_fills));
    }

    private PositionSnapshot Apply(Side side, decimal quantity, decimal price, decimal commission)
    {
        Assert.True(Ledger.Apply(Next(side, quantity, price, commission)));
        return Ledger.ToSnapshot();
    }
}
