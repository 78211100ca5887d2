namespace Meridian.Grains.Risk;

/// <summary>A portfolio's kill switch.</summary>
public enum TradingState
{
    /// <summary>Orders pass the risk rules as usual.</summary>
    Active,

    /// <summary>New orders are denied; cancels are allowed (and liquidation, when an admin asks for it).</summary>
    Halted,

    /// <summary>Only orders that reduce exposure are allowed.</summary>
    Reducing,
}
