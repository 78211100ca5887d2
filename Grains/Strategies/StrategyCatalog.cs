using Meridian.Grains.Domain;
using Meridian.Grains.Strategies.Alpha;
using Meridian.Grains.Strategies.Construction;
using Meridian.Grains.Strategies.Execution;
using Meridian.Grains.Strategies.RiskManagement;

namespace Meridian.Grains.Strategies;

/// <summary>
/// The built-in strategies by name, with their parameters, and how each is composed from the four steps. Every
/// strategy trades through <see cref="ImmediateExecution"/>; a non-zero <c>max-weight</c> adds
/// <see cref="MaximumWeightRiskManagement"/>.
/// </summary>
public static class StrategyCatalog
{
    private static readonly StrategyParameter s_maxWeight =
        new("max-weight", "largest position as a fraction of equity (0 = no cap)", 0m, 0m, 1m);

    /// <summary>Every built-in strategy, by name.</summary>
    public static IReadOnlyList<StrategyDefinition> All { get; } =
    [
        new("buy-and-hold", "buys every symbol on its first bar with an equal share of equity and holds to the end",
            [new("allocation", "fraction of equity invested, split equally among the symbols", 0.95m, 0.01m, 1m), s_maxWeight],
            (spec, universe, signals) => new(
                new BuyAndHoldAlpha(signals),
                new EqualWeightConstruction(universe, spec.Get("allocation", 0.95m)),
                RiskOf(spec), new ImmediateExecution())),
        new("model", "trades the signals of a registered model's champion (--model NAME): top-N long / bottom-N short at each rebalance",
            [
                new("top", "names held long: the highest scores", 5m, 1m, 10_000m, WholeNumber: true),
                new("bottom", "names held short: the lowest scores (0 = long-only)", 0m, 0m, 10_000m, WholeNumber: true),
                new("score-weighted", "1 = weights by |score - median score|, 0 = equal weights", 0m, 0m, 1m, WholeNumber: true),
                new("vol-scaling", "1 = divide each weight by the name's volatility (20-day), 0 = off", 0m, 0m, 1m, WholeNumber: true),
                new("max-weight", "largest |weight| of one name (0 = no cap)", 0m, 0m, 1m),
                new("gross", "sum of |weights| aimed at (1 = fully invested long-only, 2 = 100/100 long-short)", 0.95m, 0.01m, 10m),
                new("turnover", "largest sum of |weight changes| per rebalance (0 = no limit)", 0m, 0m, 20m),
                new("kelly", "fractional Kelly cap f: |weight| <= f x score / volatility^2 (0 = off)", 0m, 0m, 1m),
                new("rebalance", "slices between rebalances (1 = every bar)", 1m, 1m, 10_000m, WholeNumber: true),
            ],
            (spec, _, _) => new(new NoSignalAlpha(), new SignalConstruction(SignalOptionsOf(spec)), new NoRiskManagement(), new ImmediateExecution()),
            TradesModel: true),
        new("noop", "never trades: the cost of the platform by itself", [],
            (_, _, _) => new(new NoSignalAlpha(), new FixedStakeConstruction(0m), new NoRiskManagement(), new ImmediateExecution())),
        new("sma-cross", "buys stake shares when SMA(fast) of the close crosses above SMA(slow), sells them when it crosses below",
            [
                new("fast", "bars in the fast moving average", 10m, 1m, 10_000m, WholeNumber: true),
                new("slow", "bars in the slow moving average (more than fast)", 30m, 2m, 10_000m, WholeNumber: true),
                new("stake", "shares bought on a cross above", 100m, 0.000000001m),
                s_maxWeight,
            ],
            (spec, _, signals) => new(
                new SmaCrossAlpha((int)spec.Get("fast", 10m), (int)spec.Get("slow", 30m), signals),
                new FixedStakeConstruction(spec.Get("stake", 100m)),
                RiskOf(spec), new ImmediateExecution())),
    ];

    /// <summary>The names, comma-separated, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(d => d.Name));

    /// <summary>Every problem with <paramref name="spec"/>: an unknown name or parameter (listing the valid ones), a value out of range.</summary>
    public static IReadOnlyList<FieldError> Validate(StrategySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Find(spec.Name) is not { } definition)
            return [new FieldError("strategy", $"'{spec.Name}' is not a strategy; the strategies are {Names}")];
        var errors = new List<FieldError>();
        foreach (var (name, value) in spec.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (definition.Parameters.FirstOrDefault(p => p.Name == name) is not { } parameter)
                errors.Add(new FieldError(name, $"{definition.Name} has no parameter '{name}'; its parameters are {definition.ParameterNames}"));
            else if (parameter.Check(value) is { } problem)
                errors.Add(new FieldError(name, problem));
        }
        if (definition.TradesModel && spec.Model is null)
            errors.Add(new FieldError("model", $"{definition.Name} trades a registered model's signals: name the model"));
        else if (!definition.TradesModel && spec.Model is not null)
            errors.Add(new FieldError("model", $"{definition.Name} does not trade a model; only model does"));
        if (spec.Name == "sma-cross" && spec.Get("slow", 30m) <= spec.Get("fast", 10m))
            errors.Add(new FieldError("slow", $"slow ({spec.Get("slow", 30m)}) must be more than fast ({spec.Get("fast", 10m)})"));
        return errors;
    }

    /// <summary>The strategy's pipeline over <paramref name="signals"/> (its memory of each symbol); throws <see cref="InvalidInputException"/> for a bad spec.</summary>
    public static StrategyPipeline Create(StrategySpec spec, int universeSize, Dictionary<string, SymbolSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Validate(spec) is { Count: > 0 } errors)
            throw new InvalidInputException($"strategy '{spec.Name}'", errors);
        return Find(spec.Name)!.Create(spec, Math.Max(1, universeSize), signals);
    }

    /// <summary>The strategy called <paramref name="name"/>, or null.</summary>
    public static StrategyDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>The model strategy's construction settings from its parameters.</summary>
    internal static SignalConstructionOptions SignalOptionsOf(StrategySpec spec) => new()
    {
        TopN = (int)spec.Get("top", 5m),
        BottomN = (int)spec.Get("bottom", 0m),
        Weighting = spec.Get("score-weighted", 0m) == 1m ? SignalWeighting.Score : SignalWeighting.Equal,
        VolatilityScaling = spec.Get("vol-scaling", 0m) == 1m,
        MaxWeight = spec.Get("max-weight", 0m) is > 0m and var cap ? (double)cap : null,
        GrossExposure = (double)spec.Get("gross", 0.95m),
        TurnoverLimit = spec.Get("turnover", 0m) is > 0m and var turnover ? (double)turnover : null,
        KellyFraction = (double)spec.Get("kelly", 0m),
    };

    private static IRiskManagementModel RiskOf(StrategySpec spec) =>
        spec.Get("max-weight", 0m) is > 0m and var weight ? new MaximumWeightRiskManagement(weight) : new NoRiskManagement();
}

/// <summary>
/// A built-in strategy: its name, what it does, its parameters, and how its pipeline is made. One that
/// <paramref name="TradesModel"/> takes its insights from a Model grain instead of the pipeline's alpha.
/// </summary>
public sealed record StrategyDefinition(
    string Name,
    string Description,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<StrategySpec, int, Dictionary<string, SymbolSignal>, StrategyPipeline> Create,
    bool TradesModel = false)
{
    /// <summary>The parameter names, comma-separated (or "none").</summary>
    public string ParameterNames => Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Select(p => p.Name));
}
