using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;
using Meridian.Grains.Strategies;
using Meridian.Runtime;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Runs a strategy over history in the same grains as live trading: a portfolio with its risk gate, the strategy
/// grain, Order and Position grains and the simulated exchange, on a simulated clock driven by
/// <see cref="MarketReplay"/>. The same settings and bars give the same result, to the byte once written.
/// </summary>
public static class Backtest
{
    /// <summary>
    /// Replays <paramref name="data"/> (one series per symbol, one bar period) and returns what happened. Bad settings
    /// or no bars at all throw <see cref="InvalidInputException"/> saying what is wrong.
    /// </summary>
    public static async Task<BacktestResult> RunAsync(
        BacktestSettings settings, IReadOnlyList<BarSeries> data, IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        var errors = settings.Validate().ToList();
        var series = data.Where(s => s.Count > 0).ToList();
        if (series.Count == 0)
            errors.Add(new FieldError("data", "there are no bars to replay: check the symbols and the date range"));
        if (series.Select(s => s.Period).Distinct().Count() > 1)
            errors.Add(new FieldError("data", $"the series have different bar periods ({string.Join(", ", series.Select(s => s.Period).Distinct())}); replay one period at a time"));
        if (errors.Count > 0)
            throw new InvalidInputException("backtest", errors);

        var recorder = new BacktestRecorder();
        var start = series.Min(s => s.TimeAt(0));
        await using var silo = await BacktestSilo.StartAsync(settings, recorder, start).ConfigureAwait(false);
        var id = settings.PortfolioId;
        var universe = series.Select(s => s.Symbol).OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
        var portfolio = silo.Client.GetGrain<IPortfolioGrain>(id);
        await portfolio.OpenAsync(new PortfolioSettings(Money.Of(settings.Cash), settings.Limits)).ConfigureAwait(false);
        var models = await ServeModelsAsync(silo.Client, settings).ConfigureAwait(false);
        await silo.Client.GetGrain<IStrategyGrain>(id).StartAsync(settings.Strategy, universe).ConfigureAwait(false);

        var replay = new MarketReplay(silo.Client, silo.Clock, series, settings.Rules, [id]);
        await replay.RunAsync(AsFastAsPossible.Instance, progress, cancellationToken: cancellationToken).ConfigureAwait(false);

        var orders = new List<OrderSnapshot>();
        foreach (var (clientOrderId, ended) in recorder.Orders())
            orders.Add(ended ?? await silo.Client.GetGrain<IOrderGrain>(clientOrderId).GetAsync().ConfigureAwait(false) ?? throw new InvalidOperationException($"order {clientOrderId} is gone"));
        orders.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : string.CompareOrdinal(a.ClientOrderId, b.ClientOrderId));

        var trades = new List<BacktestTrade>();
        foreach (var symbol in universe)
        {
            var cycles = await silo.Client.GetGrain<IPositionGrain>(PositionKey.Of(id, symbol)).GetClosedCyclesAsync().ConfigureAwait(false);
            trades.AddRange(cycles.Select(cycle => new BacktestTrade(symbol, cycle)));
        }
        trades.Sort((a, b) => a.Cycle.ClosedAt != b.Cycle.ClosedAt ? a.Cycle.ClosedAt.CompareTo(b.Cycle.ClosedAt) : string.CompareOrdinal(a.Symbol.Value, b.Symbol.Value));

        var denials = orders
            .Where(o => o.Status == OrderStatus.Denied)
            .Select(o => new BacktestDenial(o.CreatedAt, o.ClientOrderId, o.Request.Symbol, o.Request.Side, o.Request.Quantity, o.DenialCode ?? string.Empty, o.StatusReason ?? string.Empty))
            .ToList();

        return new BacktestResult(
            [.. Describe(settings, universe), .. models],
            replay.FirstBarTime ?? start,
            replay.LastKnownAt ?? start,
            replay.BarCount,
            settings.Cash,
            await portfolio.GetAsync().ConfigureAwait(false),
            await portfolio.GetStatisticsAsync().ConfigureAwait(false),
            orders,
            recorder.Fills(),
            trades,
            await portfolio.GetEquityCurveAsync().ConfigureAwait(false),
            denials);
    }

    /// <summary>Registers and promotes the settings' models; the strategy's model must be one of them. Returns them for the summary.</summary>
    private static async Task<List<KeyValuePair<string, string>>> ServeModelsAsync(IGrainFactory grains, BacktestSettings settings)
    {
        var registry = grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        var served = new List<KeyValuePair<string, string>>();
        foreach (var json in settings.Models)
        {
            var info = await registry.RegisterAsync(json).ConfigureAwait(false);
            await registry.PromoteAsync(info.Model, info.Version).ConfigureAwait(false);
            served.Add(new("model", $"{info.Model} ({info.Kind}, {info.Features.Count} features, trained {info.TrainedFrom:yyyy-MM-dd} to {info.TrainedTo:yyyy-MM-dd}, hash {info.ContentHash})"));
        }
        if (settings.Strategy.Model is { } model && (await registry.GetServingAsync(model).ConfigureAwait(false)).Champion is null)
            throw new InvalidInputException("backtest", [new FieldError("model", $"'{model}' is not among the model files given ({settings.Models.Count} given)")]);
        return served;
    }

    /// <summary>The settings as ordered name/value pairs for the summary.</summary>
    private static List<KeyValuePair<string, string>> Describe(BacktestSettings settings, IReadOnlyList<Symbol> universe)
    {
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("strategy", settings.Strategy.Name),
        };
        var definition = StrategyCatalog.Find(settings.Strategy.Name)!;
        foreach (var parameter in definition.Parameters)
            pairs.Add(new(parameter.Name, settings.Strategy.Get(parameter.Name, parameter.Default).ToString(CultureInfo.InvariantCulture)));
        pairs.Add(new("symbols", string.Join(",", universe.Select(s => s.Value))));
        pairs.Add(new("cash", settings.Cash.ToString(CultureInfo.InvariantCulture)));
        var commission = settings.Rules.Commission;
        pairs.Add(new("commission", string.Create(CultureInfo.InvariantCulture,
            $"{commission.PerShare} per share + {commission.BasisPoints} bps, minimum {commission.Minimum}")));
        pairs.Add(new("slippage", settings.Rules.Slippage switch
        {
            FixedBpsSlippage fixedBps => string.Create(CultureInfo.InvariantCulture, $"{fixedBps.Bps} bps"),
            VolumeShareSlippage share => string.Create(CultureInfo.InvariantCulture, $"volume share, cap {share.ParticipationCap}, impact {share.ImpactCoefficient}"),
            _ => "none",
        }));
        pairs.AddRange(settings.Description);
        return pairs;
    }
}
