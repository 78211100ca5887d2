using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Models;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime;

namespace Meridian.Grains.Strategies;

/// <summary>
/// Runs a <see cref="StrategyPipeline"/> for the portfolio with the same key. Each slice updates the alpha model;
/// when it has insights the grain reads the portfolio's holdings, turns the insights into orders, and submits them
/// one by one through the portfolio (and so through its risk gate), in the slice's order. Client order ids are the
/// portfolio id and a sequence number, so a run's ids are the same every time. The alpha's memory is written with
/// every batch of orders and when the grain deactivates; a crash loses at most the bars since.
/// </summary>
public sealed class StrategyGrain(
    [PersistentState("strategy", TradingStorage.Name)] IPersistentState<StrategyState> state) : Grain, IStrategyGrain
{
    private StrategyPipeline? _pipeline;
    private bool _unwritten;

    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _unwritten ? state.WriteStateAsync() : Task.CompletedTask;

    /// <inheritdoc />
    public async Task StartAsync(StrategySpec spec, IReadOnlyList<Symbol> universe)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(universe);
        var errors = StrategyCatalog.Validate(spec).ToList();
        if (universe.Count == 0)
            errors.Add(new FieldError("symbols", "no symbols to trade"));
        if (errors.Count > 0)
            throw new InvalidInputException($"strategy for portfolio '{Id}'", errors);
        if (state.State.Spec is { } current)
        {
            if (current.SameAs(spec) && state.State.Universe.SequenceEqual(universe))
                return;
            throw new InvalidOperationException($"portfolio '{Id}' already runs {current}; it cannot start {spec}");
        }
        state.State.Spec = spec with { Parameters = new SortedDictionary<string, decimal>(spec.Parameters.ToDictionary(), StringComparer.Ordinal) };
        state.State.Universe = [.. universe];
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IPortfolioGrain>(Id).WatchAsync(universe);
    }

    /// <inheritdoc />
    public async Task OnSliceAsync(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (state.State.Spec is not { } spec)
            throw new InvalidOperationException($"the strategy of portfolio '{Id}' was never started");
        _pipeline ??= StrategyCatalog.Create(spec, state.State.Universe.Count, state.State.Signals);
        state.State.LastSlice = slice.Time;
        _unwritten = true;
        var insights = spec.Model is { } model ? await ModelInsightsAsync(model, slice) : _pipeline.Insights(slice);
        if (insights.Count == 0)
            return;
        var portfolio = GrainFactory.GetGrain<IPortfolioGrain>(Id);
        var orders = _pipeline.Orders(insights, await portfolio.GetHoldingsAsync());
        if (orders.Count == 0)
            return;
        // Ids are taken and written before the orders go out: after a crash the next ids are new ones.
        var first = state.State.OrdersPlaced + 1;
        state.State.OrdersPlaced += orders.Count;
        await state.WriteStateAsync();
        _unwritten = false;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            await portfolio.SubmitOrderAsync(new OrderRequest(ClientOrderId(first + i), Id, order.Symbol, order.Side, order.Quantity));
        }
    }

    /// <summary>
    /// A model-driven strategy's alpha: the Model grain takes in every slice, and every <c>rebalance</c> slices
    /// (from the first) scores the universe with its champion; each score becomes an insight at the bar's close.
    /// </summary>
    private async Task<List<Insight>> ModelInsightsAsync(string modelName, BarSlice slice)
    {
        var model = GrainFactory.GetGrain<IModelGrain>(modelName);
        await model.ObserveAsync(slice);
        var every = (long)state.State.Spec!.Get("rebalance", 1m);
        if (state.State.SlicesSeen++ % every != 0)
            return [];
        var signals = await model.ScoreAsync(slice.Time, state.State.Universe);
        var closes = new Dictionary<Symbol, Price>(slice.Bars.Count);
        foreach (var bar in slice.Bars)
            closes[bar.Symbol] = bar.Close;
        var insights = new List<Insight>(signals.Scores.Count);
        foreach (var score in signals.Scores)
        {
            if (!closes.TryGetValue(score.Symbol, out var close))
                continue;
            var direction = score.Score > 0 ? InsightDirection.Up : score.Score < 0 ? InsightDirection.Down : InsightDirection.Flat;
            insights.Add(new Insight(score.Symbol, direction, slice.Time, close, score.Score, score.Volatility));
        }
        return insights;
    }

    /// <inheritdoc />
    public Task<StrategyStatus?> GetAsync() => Task.FromResult(
        state.State.Spec is { } spec ? new StrategyStatus(spec, state.State.Universe, state.State.OrdersPlaced, state.State.LastSlice) : null);

    private string ClientOrderId(long sequence) => $"{Id}-{sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)}";
}
