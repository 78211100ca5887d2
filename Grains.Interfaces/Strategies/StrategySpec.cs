namespace Meridian.Grains.Strategies;

/// <summary>A built-in strategy by name with its parameters (e.g. sma-cross with fast 10, slow 30, stake 100).</summary>
public sealed record StrategySpec(string Name, IReadOnlyDictionary<string, decimal> Parameters)
{
    /// <summary>The parameter <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public decimal Get(string name, decimal fallback) => Parameters.TryGetValue(name, out var value) ? value : fallback;

    /// <inheritdoc />
    public override string ToString() =>
        Parameters.Count == 0 ? Name : $"{Name} ({string.Join(", ", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})";
}
