using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.Risk;
using Meridian.Grains.Strategies;

namespace Meridian.Grains.Backtesting;

/// <summary>What a backtest runs: the strategy, the starting cash, the simulated exchange's costs and the risk limits.</summary>
public sealed record BacktestSettings(StrategySpec Strategy, decimal Cash, ExchangeRules Rules)
{
    /// <summary>The portfolio's id (and so the prefix of its client order ids).</summary>
    public string PortfolioId { get; init; } = "backtest";

    /// <summary>The pre-trade risk limits; none by default.</summary>
    public RiskLimits Limits { get; init; } = RiskLimits.None;

    /// <summary>
    /// Model files (JSON) registered and promoted to champion in the backtest's own registry before the replay: the
    /// model a model-driven strategy trades must be among them.
    /// </summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Where the data came from and how it was chosen, for the summary (e.g. data, adjustment, start, end).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Description { get; init; } = [];

    /// <summary>Every setting that is wrong, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Strategy is null)
            errors.Add(new FieldError("strategy", "is required"));
        else
            errors.AddRange(StrategyCatalog.Validate(Strategy));
        if (Cash <= 0m)
            errors.Add(new FieldError("cash", $"{Cash} must be greater than zero"));
        if (Rules is null)
            errors.Add(new FieldError("rules", "are required"));
        else
            errors.AddRange(Rules.Validate());
        if (Limits is null)
            errors.Add(new FieldError("limits", "are required; use RiskLimits.None for none"));
        else
            errors.AddRange(Limits.Validate().Select(e => e with { Field = "risk." + e.Field }));
        return errors;
    }
}
