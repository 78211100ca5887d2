using Meridian.Grains.Domain;

namespace Meridian.Grains.Strategies;

/// <summary>Which way an alpha model expects a symbol to go.</summary>
public enum InsightDirection
{
    /// <summary>Expected to rise: be long.</summary>
    Up,

    /// <summary>Expected to fall: leave the long.</summary>
    Down,

    /// <summary>No view: hold nothing.</summary>
    Flat,
}

/// <summary>
/// An alpha model's view of one symbol at one time, with the close it was formed at (to size orders). A model-driven
/// alpha adds its <paramref name="Score"/> (higher: more attractive; a forward-return forecast for the models here) and
/// the symbol's recent daily return volatility <paramref name="Volatility"/>, for weighting and volatility scaling.
/// </summary>
public sealed record Insight(Symbol Symbol, InsightDirection Direction, DateTimeOffset Time, Price Price, double? Score = null, double? Volatility = null);

/// <summary>The quantity a portfolio should hold of a symbol (negative for short), valued at <paramref name="Price"/>.</summary>
public sealed record PortfolioTarget(Symbol Symbol, decimal Quantity, Price Price);

/// <summary>An order the execution model wants placed: a market order for <paramref name="Quantity"/> shares.</summary>
public sealed record OrderIntent(Symbol Symbol, Side Side, Quantity Quantity);
