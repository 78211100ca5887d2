namespace Meridian.Grains.Strategies;

/// <summary>
/// A built-in strategy by name with its parameters (e.g. sma-cross with fast 10, slow 30, stake 100), and for a
/// model-driven strategy the registered model whose champion it trades.
/// </summary>
public sealed record StrategySpec(string Name, IReadOnlyDictionary<string, decimal> Parameters)
{
    /// <summary>The model a model-driven strategy trades the signals of; null for the others.</summary>
    public string? Model { get; init; }

    /// <summary>The parameter <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public decimal Get(string name, decimal fallback) => Parameters.TryGetValue(name, out var value) ? value : fallback;

    /// <inheritdoc />
    public override string ToString()
    {
        var name = Model is null ? Name : $"{Name} {Model}";
        return Parameters.Count == 0 ? name : $"{name} ({string.Join(", ", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})";
    }

    /// <summary>True when <paramref name="other"/> names the same strategy, model and parameters (in any order).</summary>
    public bool SameAs(StrategySpec other) =>
        other is not null && Name == other.Name && Model == other.Model
        && Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(other.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
}
