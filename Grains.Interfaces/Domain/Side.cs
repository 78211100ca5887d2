namespace Meridian.Grains.Domain;

/// <summary>Which way an order trades.</summary>
public enum Side
{
    Buy,
    Sell,
}

/// <summary>Signs and names for <see cref="Side"/>.</summary>
public static class SideExtensions
{
    /// <summary>+1 for a buy, -1 for a sell: what a fill adds to a signed position per unit.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;

    /// <summary>The other side.</summary>
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;
}
