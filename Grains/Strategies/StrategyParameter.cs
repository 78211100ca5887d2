namespace Meridian.Grains.Strategies;

/// <summary>A strategy parameter: its name, what it means, its default, and the values it takes.</summary>
/// <param name="Name">As written on the command line (without the leading dashes).</param>
/// <param name="Description">One line for the help text.</param>
/// <param name="Default">The value when none is given.</param>
/// <param name="Minimum">The smallest value allowed.</param>
/// <param name="Maximum">The largest value allowed, or null for no bound.</param>
/// <param name="WholeNumber">True when the value must be an integer (a window length).</param>
public sealed record StrategyParameter(string Name, string Description, decimal Default, decimal Minimum, decimal? Maximum = null, bool WholeNumber = false)
{
    /// <summary>Why <paramref name="value"/> is not allowed, or null when it is.</summary>
    public string? Check(decimal value) =>
        WholeNumber && value != decimal.Truncate(value) ? $"{value} must be a whole number"
        : value < Minimum ? $"{value} is below the minimum {Minimum}"
        : Maximum is { } maximum && value > maximum ? $"{value} is above the maximum {maximum}"
        : null;
}
