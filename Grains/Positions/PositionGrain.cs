using Meridian.Grains.Domain;
using Meridian.Runtime;

namespace Meridian.Grains.Positions;

/// <summary>A portfolio's position in one symbol (keyed "portfolio/symbol") around <see cref="PositionLedger"/>; each applied fill is durable before the answer.</summary>
public sealed class PositionGrain(
    [PersistentState("position", TradingStorage.Name)] IPersistentState<PositionState> state) : Grain, IPositionGrain
{
    private PositionLedger? _ledger;

    private PositionLedger Ledger => _ledger ??= CreateLedger();

    /// <inheritdoc />
    public async Task<PositionSnapshot> ApplyFillAsync(PositionFill fill)
    {
        if (Ledger.Apply(fill))
            await state.WriteStateAsync();
        return Ledger.ToSnapshot();
    }

    /// <inheritdoc />
    public Task<PositionSnapshot> GetAsync() => Task.FromResult(Ledger.ToSnapshot());

    /// <inheritdoc />
    public Task<IReadOnlyList<PositionCycle>> GetClosedCyclesAsync() => Task.FromResult<IReadOnlyList<PositionCycle>>([.. Ledger.ClosedCycles]);

    private PositionLedger CreateLedger()
    {
        var key = this.GetPrimaryKeyString();
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        if (separator <= 0)
            throw new InvalidOperationException($"position key '{key}' is not 'portfolio/symbol'");
        return new PositionLedger(key[..separator], Symbol.Parse(key[(separator + 1)..]), state.State);
    }
}
