namespace Meridian.Grains.Domain;

/// <summary>How an order relates to other orders (Alpaca's equity classes).</summary>
public enum OrderClass
{
    /// <summary>One order on its own.</summary>
    Simple,

    /// <summary>An entry with a take-profit and a stop-loss exit; the exits live only after the entry fills, and one filling cancels the other.</summary>
    Bracket,

    /// <summary>One-cancels-other: a take-profit limit and a stop-loss exit; one filling cancels the other.</summary>
    Oco,

    /// <summary>One-triggers-other: an entry with one exit (take-profit or stop-loss) that lives after the entry fills.</summary>
    Oto,
}
