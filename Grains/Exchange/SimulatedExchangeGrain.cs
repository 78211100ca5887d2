using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Runtime;
using Meridian.Runtime.Streams;

namespace Meridian.Grains.Exchange;

/// <summary>
/// The simulated exchange of one symbol around <see cref="SimulatedExchangeBook"/>. Bars arrive on the market-data
/// stream (or through <see cref="OnBarAsync"/>); the book's reports go one-way to the Order grains, after the book's
/// state is durable, so a restarted exchange neither loses a working order nor fills one twice.
/// </summary>
[ImplicitStreamSubscription(MarketDataStreams.Bars, StreamProvider = MarketDataStreams.Provider)]
public sealed class SimulatedExchangeGrain(
    [PersistentState("exchange", TradingStorage.Name)] IPersistentState<SimulatedExchangeState> state,
    ExchangeRules rules) : Grain, ISimulatedExchangeGrain, IAsyncObserver<Bar>
{
    private SimulatedExchangeBook? _book;
    private bool _unwritten;

    /// <summary>A bar that produced no report may still have moved a trailing stop: kept when the grain deactivates.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _unwritten ? state.WriteStateAsync() : Task.CompletedTask;

    private SimulatedExchangeBook Book => _book ??= new SimulatedExchangeBook(Symbol.Parse(this.GetPrimaryKeyString()), rules, state.State);

    /// <inheritdoc />
    public Task SubmitAsync(OrderRequest order) => PublishAsync(Book.Submit(order, Clock.GetUtcNow()));

    /// <inheritdoc />
    public Task CancelAsync(string clientOrderId) => PublishAsync(Book.Cancel(clientOrderId, Clock.GetUtcNow()));

    /// <inheritdoc />
    public Task ReplaceAsync(string clientOrderId, OrderRequest replacement) => PublishAsync(Book.Replace(clientOrderId, replacement, Clock.GetUtcNow()));

    /// <inheritdoc />
    public Task OnBarAsync(Bar bar) => PublishAsync(Book.OnBar(bar));

    /// <summary>A bar from the market-data stream.</summary>
    public Task OnNextAsync(Bar item, StreamSequenceToken? token = null) => OnBarAsync(item);

    private async Task PublishAsync(IReadOnlyList<ExecutionReport> reports)
    {
        if (reports.Count == 0)
        {
            _unwritten = true;
            return;
        }
        await state.WriteStateAsync();
        _unwritten = false;
        Brokers.ExecutionReports.Deliver(GrainFactory, reports);
    }
}
