namespace Meridian.Grains.Domain;

/// <summary>How long an order stays working (Alpaca's six values).</summary>
public enum TimeInForce
{
    /// <summary>Until the end of the session it was submitted in.</summary>
    Day,

    /// <summary>Until filled or canceled.</summary>
    Gtc,

    /// <summary>Only in the opening auction; expires if not filled there.</summary>
    Opg,

    /// <summary>Only in the closing auction; expires if not filled there.</summary>
    Cls,

    /// <summary>Immediate or cancel: what fills at once fills, the rest is canceled.</summary>
    Ioc,

    /// <summary>Fill or kill: all at once, or nothing.</summary>
    Fok,
}
