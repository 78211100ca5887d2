using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies.Construction;

/// <summary>
/// Long the highest scores, short the lowest, sized by weight of equity. One rebalance, over the insights given:
/// <list type="number">
/// <item>The cross-section is every insight with a finite <see cref="Insight.Score"/> (the last one per symbol); when
/// volatility scaling or the Kelly cap is on, only those with a positive, finite <see cref="Insight.Volatility"/>
/// (a name whose risk is unknown cannot be sized by it). The direction is not read: the score decides.</item>
/// <item>Longs are the <c>TopN</c> highest scores, shorts the <c>BottomN</c> lowest of the rest; ties go to the
/// symbol first in ordinal order, so the same insights in any order give the same targets.</item>
/// <item>Base weight per name: 1 (equal) or |score − median of the cross-section| (score); divided by the volatility
/// when scaling. Each side is normalized to its budget: the gross exposure long-only, half of it for each side
/// long-short. A side whose base weights are all zero holds nothing.</item>
/// <item>Caps per name: <c>MaxWeight</c> and f × |score| / volatility², whichever is smaller. What a capped name
/// loses goes to the uncapped names of its side in proportion to their weights, again until none is over its cap;
/// once every name of a side is capped, the rest stays in cash.</item>
/// <item>Turnover: current weights are expected quantity (held plus working) × the insight's price / equity. When
/// Σ|new − current| over the cross-section exceeds the limit, every change is scaled by limit / turnover.</item>
/// <item>Targets: whole shares, truncate(weight × equity / price) toward zero (the weight taken as a decimal to 15
/// significant digits). A name of the cross-section that is not selected targets zero; a target equal to the expected
/// quantity is left out. A held name without a scored insight has no price here and is left as it is.</item>
/// </list>
/// </summary>
public sealed class SignalConstruction : IPortfolioConstructionModel
{
    private readonly SignalConstructionOptions _options;

    /// <summary>Throws <see cref="InvalidInputException"/> listing every bad setting of <paramref name="options"/>.</summary>
    public SignalConstruction(SignalConstructionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.EnsureValid();
    }

    /// <inheritdoc />
    public IReadOnlyList<PortfolioTarget> CreateTargets(IReadOnlyList<Insight> insights, PortfolioHoldings holdings)
    {
        var weights = Weigh(insights, holdings);
        var equity = holdings.Equity.Amount;
        var targets = new List<PortfolioTarget>();
        foreach (var (insight, weight) in weights)
        {
            var quantity = decimal.Truncate((decimal)weight * equity / insight.Price.Value);
            if (quantity != holdings.ExpectedQuantity(insight.Symbol))
                targets.Add(new PortfolioTarget(insight.Symbol, quantity, insight.Price));
        }
        return targets;
    }

    /// <summary>The weight of every name of the cross-section after caps and the turnover limit, zero for a name not selected.</summary>
    public IReadOnlyDictionary<Symbol, double> TargetWeights(IReadOnlyList<Insight> insights, PortfolioHoldings holdings) =>
        Weigh(insights, holdings).ToDictionary(w => w.Insight.Symbol, w => w.Weight);

    private List<(Insight Insight, double Weight)> Weigh(IReadOnlyList<Insight> insights, PortfolioHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(holdings);
        var equity = holdings.Equity.Amount;
        // Nothing can be sized against no equity.
        if (equity <= 0m)
            return [];
        var candidates = CrossSection(insights);
        if (candidates.Count == 0)
            return [];
        var longs = candidates.OrderByDescending(i => i.Score).ThenBy(i => i.Symbol.Value, StringComparer.Ordinal).Take(_options.TopN).ToList();
        var shorts = candidates.Except(longs).OrderBy(i => i.Score).ThenBy(i => i.Symbol.Value, StringComparer.Ordinal).Take(_options.BottomN).ToList();
        var budget = _options.BottomN > 0 ? _options.GrossExposure / 2 : _options.GrossExposure;
        var median = Median(candidates);
        var weights = candidates.ToDictionary(i => i.Symbol, _ => 0.0);
        AddSide(weights, longs, median, budget);
        AddSide(weights, shorts, median, -budget);
        return LimitTurnover(candidates, weights, holdings, equity);
    }

    private List<Insight> CrossSection(IReadOnlyList<Insight> insights)
    {
        var last = new Dictionary<Symbol, Insight>();
        foreach (var insight in insights)
        {
            if (insight.Score is not { } score || !double.IsFinite(score))
                continue;
            if (_options.NeedsVolatility && insight.Volatility is not (> 0 and < double.PositiveInfinity))
                continue;
            last[insight.Symbol] = insight;
        }
        return [.. last.Values];
    }

    private static double Median(List<Insight> candidates)
    {
        var scores = candidates.Select(i => i.Score!.Value).Order().ToArray();
        var middle = scores.Length / 2;
        return scores.Length % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2;
    }

    /// <summary>Weighs one side to |<paramref name="budget"/>|, caps it, and records it with the budget's sign.</summary>
    private void AddSide(Dictionary<Symbol, double> weights, List<Insight> side, double median, double budget)
    {
        var raw = side.Select(i => Base(i, median)).ToArray();
        var sum = raw.Sum();
        if (sum <= 0)
            return;
        var sized = raw.Select(w => Math.Abs(budget) * w / sum).ToArray();
        WaterFill(sized, side.Select(Cap).ToArray());
        for (var i = 0; i < side.Count; i++)
            weights[side[i].Symbol] = Math.Sign(budget) * sized[i];
    }

    private double Base(Insight insight, double median)
    {
        var weight = _options.Weighting == SignalWeighting.Score ? Math.Abs(insight.Score!.Value - median) : 1.0;
        return _options.VolatilityScaling ? weight / insight.Volatility!.Value : weight;
    }

    private double Cap(Insight insight)
    {
        var cap = _options.MaxWeight ?? double.PositiveInfinity;
        if (_options.KellyFraction > 0)
        {
            var volatility = insight.Volatility!.Value;
            cap = Math.Min(cap, _options.KellyFraction * Math.Abs(insight.Score!.Value) / (volatility * volatility));
        }
        return cap;
    }

    /// <summary>
    /// Caps each weight and hands the excess to the names still under their caps, in proportion to their weights, until
    /// no name is over; with no name left to take it, the excess stays in cash. Each round caps at least one more name.
    /// </summary>
    private static void WaterFill(double[] weights, double[] caps)
    {
        var capped = new bool[weights.Length];
        while (true)
        {
            var excess = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (capped[i] || weights[i] <= caps[i])
                    continue;
                excess += weights[i] - caps[i];
                weights[i] = caps[i];
                capped[i] = true;
            }
            var free = Enumerable.Range(0, weights.Length).Where(i => !capped[i]).Sum(i => weights[i]);
            if (excess == 0 || free <= 0)
                return;
            for (var i = 0; i < weights.Length; i++)
            {
                if (!capped[i])
                    weights[i] += excess * weights[i] / free;
            }
        }
    }

    private List<(Insight Insight, double Weight)> LimitTurnover(
        List<Insight> candidates, Dictionary<Symbol, double> weights, PortfolioHoldings holdings, decimal equity)
    {
        var current = candidates.ToDictionary(
            i => i.Symbol, i => (double)(holdings.ExpectedQuantity(i.Symbol) * i.Price.Value / equity));
        var turnover = candidates.Sum(i => Math.Abs(weights[i.Symbol] - current[i.Symbol]));
        if (_options.TurnoverLimit is not { } limit || turnover <= limit)
            return [.. candidates.Select(i => (i, weights[i.Symbol]))];
        var scale = limit / turnover;
        return [.. candidates.Select(i => (i, current[i.Symbol] + (weights[i.Symbol] - current[i.Symbol]) * scale))];
    }
}
