using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Positions;

/// <summary>A portfolio's position in one symbol, keyed "portfolio/symbol" (see <see cref="PositionKey"/>): netting, average price, realized P&amp;L, fees and cycles.</summary>
public interface IPositionGrain : IGrainWithStringKey
{
    /// <summary>Applies a fill and returns the position after it. A fill whose execution id was applied before changes nothing.</summary>
    Task<PositionSnapshot> ApplyFillAsync(PositionFill fill);

    /// <summary>The position now (flat with no history when nothing ever traded).</summary>
    [ReadOnly]
    Task<PositionSnapshot> GetAsync();

    /// <summary>The closed cycles, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PositionCycle>> GetClosedCyclesAsync();
}

/// <summary>The key of a Position grain.</summary>
public static class PositionKey
{
    /// <summary>"portfolio/symbol".</summary>
    public static string Of(string portfolioId, Domain.Symbol symbol) => portfolioId + "/" + symbol.Value;
}
