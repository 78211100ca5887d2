using Meridian.Grains;
using Meridian.Runtime;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>The persisted set behind <see cref="IAlpacaOrderRegistryGrain"/>.</summary>
public sealed class AlpacaOrderRegistryGrain(
    [PersistentState("alpaca-registry", TradingStorage.Name)] IPersistentState<AlpacaOrderRegistryState> state) : Grain, IAlpacaOrderRegistryGrain
{
    /// <inheritdoc />
    public async Task TrackAsync(string alpacaClientOrderId)
    {
        if (state.State.Tracked.Add(alpacaClientOrderId))
            await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task UntrackAsync(string alpacaClientOrderId)
    {
        if (state.State.Tracked.Remove(alpacaClientOrderId))
            await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetTrackedAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Tracked]);
}

/// <summary>The Alpaca client order ids in play.</summary>
public sealed class AlpacaOrderRegistryState
{
    public HashSet<string> Tracked { get; set; } = new(StringComparer.Ordinal);
}
