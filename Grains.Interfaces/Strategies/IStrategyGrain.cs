using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Strategies;

/// <summary>
/// The strategy trading one portfolio, keyed by the portfolio's id: alpha -> portfolio construction -> risk
/// management -> execution, run on every slice of bars. Its orders go through the portfolio's risk gate like any other.
/// </summary>
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets the strategy and the symbols it trades; an unknown strategy or parameter throws
    /// <see cref="InvalidInputException"/> listing the valid ones. Starting again with the same settings changes nothing.
    /// </summary>
    Task StartAsync(StrategySpec spec, IReadOnlyList<Symbol> universe);

    /// <summary>The bars of one time step: the strategy updates its signals and places the orders they call for, returning once they are placed.</summary>
    Task OnSliceAsync(BarSlice slice);

    /// <summary>The strategy and the number of orders it has placed, or null when it was never started.</summary>
    [ReadOnly]
    Task<StrategyStatus?> GetAsync();
}

/// <summary>What a strategy grain runs and how many orders it has placed.</summary>
public sealed record StrategyStatus(StrategySpec Spec, IReadOnlyList<Symbol> Universe, long OrdersPlaced, DateTimeOffset? LastSlice);
