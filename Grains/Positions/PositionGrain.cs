using Meridian.Grains.Domain;
using Meridian.Runtime;

namespace Meridian.Grains.Positions;

/// <summary>The closed cycles of a position, stored apart from it (see <see cref="PositionState.ClosedCycles"/>).</summary>
public sealed class PositionHistory
{
    /// <summary>The finished cycles, oldest first.</summary>
    public List<PositionCycle> Cycles { get; set; } = [];
}

/// <summary>
/// A portfolio's position in one symbol (keyed "portfolio/symbol") around <see cref="PositionLedger"/>. Each applied
/// fill is durable before the answer; the closed cycles live in a second record, written only when a cycle closes.
/// </summary>
public sealed class PositionGrain(
    [PersistentState("position", TradingStorage.Name)] IPersistentState<PositionState> state,
    [PersistentState("position-history", TradingStorage.Name)] IPersistentState<PositionHistory> history) : Grain, IPositionGrain
{
    private PositionLedger? _ledger;

    private PositionLedger Ledger => _ledger ??= CreateLedger();

    /// <inheritdoc />
    public async Task<PositionSnapshot> ApplyFillAsync(PositionFill fill)
    {
        var cycles = history.State.Cycles.Count;
        if (Ledger.Apply(fill))
        {
            if (history.State.Cycles.Count != cycles)
            {
                // History first. A crash between the two writes makes the fill come again, closing the same cycle again:
                // the record already has it, so the replay replaces it instead of adding a second copy.
                var all = history.State.Cycles;
                if (all.Count >= 2 && all[^1].Number == all[^2].Number)
                    all.RemoveAt(all.Count - 2);
                await history.WriteStateAsync();
            }
            await state.WriteStateAsync();
        }
        return Ledger.ToSnapshot();
    }

    /// <inheritdoc />
    public Task<PositionSnapshot> GetAsync() => Task.FromResult(Ledger.ToSnapshot());

    /// <inheritdoc />
    public Task<IReadOnlyList<PositionCycle>> GetClosedCyclesAsync() => Task.FromResult(Ledger.ClosedCycles);

    private PositionLedger CreateLedger()
    {
        var key = this.GetPrimaryKeyString();
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        if (separator <= 0)
            throw new InvalidOperationException($"position key '{key}' is not 'portfolio/symbol'");
        state.State.ClosedCycles = history.State.Cycles;
        return new PositionLedger(key[..separator], Symbol.Parse(key[(separator + 1)..]), state.State);
    }
}
