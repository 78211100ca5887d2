using System.Globalization;
using Meridian.Gateway.Auth;
using Meridian.Grains.Domain;
using Meridian.Grains.Models;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;

namespace Meridian.Gateway.Live;

// What the event stream sends (docs/dashboard.md). Written with GatewayJson: snake_case, nulls left out; money,
// prices and quantities as decimal strings; statistics (latencies, rates, IC) as JSON numbers.

/// <summary>An order as the blotter shows it (the <c>order</c> event).</summary>
public sealed record LiveOrder(
    string ClientOrderId,
    string PortfolioId,
    string Symbol,
    Side Side,
    string Qty,
    string FilledQty,
    OrderStatus Status,
    OrderType? Type,
    string? LimitPrice,
    string? StopPrice,
    string? AvgFillPrice,
    string? DenialCode,
    string? StatusReason,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The order as recorded.</summary>
    public static LiveOrder From(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = order.Request;
        return new(
            request.ClientOrderId,
            request.PortfolioId,
            request.Symbol.Value,
            request.Side,
            request.Quantity.ToString(),
            order.FilledQuantity.ToString(),
            order.Status,
            request.Type,
            request.LimitPrice?.ToString(),
            request.StopPrice?.ToString(),
            order.AverageFillPrice?.ToString(),
            order.DenialCode,
            order.StatusReason,
            order.UpdatedAt);
    }

    /// <summary>
    /// The order after <paramref name="update"/>; <paramref name="known"/> is what was recorded before (null when the
    /// order was recorded before this gateway started: then its type and prices are unknown).
    /// </summary>
    public static LiveOrder Apply(LiveOrder? known, OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var averageFill = known?.AvgFillPrice;
        if (update.Fill is { } fill)
            averageFill = AverageFill(known, fill, update.FilledQuantity) ?? averageFill;
        return new(
            update.ClientOrderId,
            update.PortfolioId,
            update.Symbol.Value,
            update.Side,
            update.OrderQuantity.ToString(),
            update.FilledQuantity.ToString(),
            update.Status,
            known?.Type,
            known?.LimitPrice,
            known?.StopPrice,
            averageFill,
            known?.DenialCode,
            known?.StatusReason,
            update.Time);
    }

    /// <summary>The quantity-weighted average fill price after <paramref name="fill"/>, when the earlier average is known.</summary>
    private static string? AverageFill(LiveOrder? known, Fill fill, Quantity filledNow)
    {
        var before = filledNow.Value - fill.Quantity.Value;
        if (before <= 0m)
            return fill.Price.ToString();
        if (known?.AvgFillPrice is not { } text || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var average))
            return null;
        var blended = ((average * before) + (fill.Price.Value * fill.Quantity.Value)) / filledNow.Value;
        return Math.Round(blended, Price.MaxDecimals).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A portfolio's account, positions, limits and recent equity (the <c>portfolio</c> event).</summary>
public sealed record LivePortfolio(
    string PortfolioId,
    string Cash,
    string Equity,
    string BuyingPower,
    string RealizedPnl,
    string UnrealizedPnl,
    string DayPnl,
    string Fees,
    string GrossExposure,
    string NetExposure,
    string HighWaterMark,
    string Drawdown,
    TradingState TradingState,
    string? TradingStateReason,
    int OpenOrderCount,
    IReadOnlyList<LivePosition> Positions,
    LiveRiskLimits RiskLimits,
    IReadOnlyList<LiveEquityPoint> EquityCurve,
    DateTimeOffset AsOf)
{
    /// <summary>The view of one reading of the portfolio; the equity curve is cut to its last <paramref name="curvePoints"/> points.</summary>
    public static LivePortfolio From(PortfolioSnapshot account, RiskLimits limits, IReadOnlyList<EquityPoint> curve, int curvePoints)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(curve);
        return new(
            account.PortfolioId,
            account.Cash.ToString(),
            account.Equity.ToString(),
            account.BuyingPower.ToString(),
            account.RealizedPnl.ToString(),
            account.UnrealizedPnl.ToString(),
            account.DayPnl.ToString(),
            account.Fees.ToString(),
            account.GrossExposure.ToString(),
            account.NetExposure.ToString(),
            account.HighWaterMark.ToString(),
            account.Drawdown.ToString(CultureInfo.InvariantCulture),
            account.TradingState,
            account.TradingStateReason,
            account.OpenOrderCount,
            [.. account.Positions.Where(p => !p.Position.IsFlat || p.Position.RealizedPnl != Money.Zero).Select(LivePosition.From)],
            LiveRiskLimits.From(limits),
            [.. curve.Skip(Math.Max(0, curve.Count - curvePoints)).Select(p => new LiveEquityPoint(p.Time, p.Equity.ToString()))],
            account.AsOf);
    }
}

/// <summary>A position with its mark (prices null until one has been seen).</summary>
public sealed record LivePosition(
    string Symbol,
    string Qty,
    string? AvgEntryPrice,
    string? LastPrice,
    string? MarketValue,
    string? UnrealizedPnl,
    string RealizedPnl)
{
    internal static LivePosition From(PositionView view) => new(
        view.Position.Symbol.Value,
        view.Position.Quantity.ToString(CultureInfo.InvariantCulture),
        view.Position.AverageEntryPrice?.ToString(),
        view.LastPrice?.ToString(),
        view.MarketValue?.ToString(),
        view.UnrealizedPnl?.ToString(),
        view.Position.RealizedPnl.ToString());
}

/// <summary>One point of the equity curve.</summary>
public sealed record LiveEquityPoint(DateTimeOffset Time, string Equity);

/// <summary>The risk limits in force; a limit left out is not enforced.</summary>
public sealed record LiveRiskLimits(
    string? MaxOrderQuantity,
    string? MaxOrderNotional,
    string? MaxPositionNotional,
    string? MaxGrossExposure,
    string? MaxNetExposure,
    string? MaxConcentration,
    int? MaxOpenOrders,
    int? MaxOrdersPerSecond,
    bool AllowShortSelling,
    string? PriceCollar,
    string? DailyLossLimit,
    string? MaxDrawdown,
    string MarginMultiplier)
{
    internal static LiveRiskLimits From(RiskLimits l) => new(
        Text(l.MaxOrderQuantity),
        Text(l.MaxOrderNotional),
        Text(l.MaxPositionNotional),
        Text(l.MaxGrossExposure),
        Text(l.MaxNetExposure),
        Text(l.MaxConcentration),
        l.MaxOpenOrders,
        l.MaxOrdersPerSecond,
        l.AllowShortSelling,
        Text(l.PriceCollar),
        Text(l.DailyLossLimit),
        Text(l.MaxDrawdown),
        l.MarginMultiplier.ToString(CultureInfo.InvariantCulture));

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The silo's grain types now (the <c>grains</c> event).</summary>
public sealed record LiveGrains(IReadOnlyList<LiveGrainType> Types, DateTimeOffset AsOf);

/// <summary>
/// One grain type: its activations and the calls to its interfaces' methods since the silo started. <see cref="P50Ms"/> is the
/// calls-weighted mean of its methods' medians, <see cref="P99Ms"/> the largest of its methods' 99th percentiles.
/// </summary>
public sealed record LiveGrainType(
    string GrainType,
    string ClassName,
    int Activations,
    long Calls,
    double CallsPerSecond,
    double P50Ms,
    double P99Ms,
    long Errors,
    IReadOnlyList<LiveGrainMethod> Methods);

/// <summary>One grain method's calls; latencies in milliseconds.</summary>
public sealed record LiveGrainMethod(string Method, long Calls, double CallsPerSecond, long Errors, double P50Ms, double P99Ms);

/// <summary>The model registry with each champion's live IC (the <c>models</c> event).</summary>
public sealed record LiveModels(IReadOnlyList<LiveModel> Models, DateTimeOffset AsOf);

/// <summary>One model: its champion, challengers and every version.</summary>
public sealed record LiveModel(string Model, int? Champion, IReadOnlyList<int> Challengers, IReadOnlyList<LiveModelVersion> Versions, DateTimeOffset? LastRound);

/// <summary>
/// One registered version with its training metrics and, while it serves (champion or challenger), how it has done
/// live: rounds scored, mean IC, ICIR and mean Rank IC (left out while not yet known).
/// </summary>
public sealed record LiveModelVersion(
    int Version,
    string Kind,
    ModelStage Stage,
    DateTimeOffset RegisteredAt,
    DateTimeOffset TrainedFrom,
    DateTimeOffset TrainedTo,
    IReadOnlyDictionary<string, double> Metrics,
    int? LiveRounds,
    double? LiveIc,
    double? LiveIcir,
    double? LiveRankIc);

/// <summary>Who the connection's key is: what the page shows and whether it offers the kill switch.</summary>
public sealed record LiveCaller(string KeyId, string Name, ApiRole Role, IReadOnlyList<string>? Portfolios)
{
    internal static LiveCaller From(Caller caller) =>
        new(caller.KeyId, caller.Name, caller.Role, caller.Portfolios is null ? null : [.. caller.Portfolios.Order(StringComparer.Ordinal)]);
}

/// <summary>Everything the connection may see, sent first (the <c>snapshot</c> event); null readings are not taken yet.</summary>
public sealed record LiveSnapshot(
    LiveCaller Caller,
    IReadOnlyList<LivePortfolio> Portfolios,
    IReadOnlyList<LiveOrder> Orders,
    LiveGrains? Grains,
    LiveModels? Models,
    DateTimeOffset ServerTime);
