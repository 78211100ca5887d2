namespace Meridian.Grains.Strategies;

/// <summary>
/// What an alpha model remembers of one symbol, kept in the Strategy grain's state: the last closes (a ring), their
/// running sums, and the sign of the last non-zero signal.
/// </summary>
public sealed class SymbolSignal
{
    /// <summary>The last closes, as a ring of the alpha's lookback length; close number n (from 0) is at n % length.</summary>
    public decimal[] Closes { get; set; } = [];

    /// <summary>Closes seen so far.</summary>
    public long Seen { get; set; }

    /// <summary>Sum of the last (fast) closes.</summary>
    public decimal FastSum { get; set; }

    /// <summary>Sum of the last (slow) closes: all of the ring once full.</summary>
    public decimal SlowSum { get; set; }

    /// <summary>+1 or -1: the sign of the last non-zero signal; 0 before there was one.</summary>
    public int LastSign { get; set; }

    /// <summary>Set once the alpha has called for an entry (buy-and-hold enters once).</summary>
    public bool Entered { get; set; }
}
