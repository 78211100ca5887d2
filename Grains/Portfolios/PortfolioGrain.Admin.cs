using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Portfolios;

/// <summary>Admin actions on a portfolio: risk limits, the kill switch and liquidate-all.</summary>
public sealed partial class PortfolioGrain
{
    /// <inheritdoc />
    public Task<RiskLimits> GetRiskLimitsAsync() => Task.FromResult(state.State.Limits);

    /// <inheritdoc />
    public async Task SetRiskLimitsAsync(RiskLimits limits, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(limits);
        EnsureOpen();
        limits.EnsureValid();
        state.State.Limits = limits;
        SubmitRate.Resize(limits.MaxOrdersPerSecond ?? 0);
        AddEvent(new RiskLimitsChanged(Id, Clock.GetUtcNow(), limits, changedBy));
        Log.RiskLimitsChanged(logger, Id, changedBy);
        await WriteAsync();
    }

    /// <inheritdoc />
    public async Task SetTradingStateAsync(TradingState tradingState, string reason)
    {
        EnsureOpen();
        if (!Enum.IsDefined(tradingState))
            throw new InvalidInputException("trading state", [new FieldError("trading_state", $"{tradingState} is not active, halted or reducing")]);
        if (tradingState == state.State.TradingState)
            return;
        ChangeTradingState(tradingState, reason, Clock.GetUtcNow());
        await WriteAsync();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrderSnapshot>> LiquidateAsync(string reason)
    {
        EnsureOpen();
        var now = Clock.GetUtcNow();
        Account.RollDay(now);
        var canceled = 0;
        foreach (var clientOrderId in state.State.OpenOrders.Keys.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IOrderGrain>(clientOrderId).CancelAsync(reason);
                canceled++;
            }
            catch (OrderStateException)
            {
                // Already on its way out (filled, or a cancel or replace pending): nothing to cancel.
            }
        }

        var run = ++state.State.Liquidations;
        var closing = new List<OrderSnapshot>();
        foreach (var position in state.State.Positions.Values.Where(p => !p.IsFlat).OrderBy(p => p.Symbol.Value, StringComparer.Ordinal))
        {
            var request = new OrderRequest(
                $"{Id}-liquidate-{run}-{position.Symbol.Value}", Id, position.Symbol,
                position.Quantity > 0m ? Side.Sell : Side.Buy, Quantity.Of(Math.Abs(position.Quantity)));
            closing.Add(await SubmitCheckedAsync(request, now, liquidation: true));
        }
        AddEvent(new LiquidationStarted(Id, now, reason, canceled, closing.Count));
        Log.Liquidation(logger, Id, reason, canceled, closing.Count);
        await WriteAsync();
        return closing;
    }
}
