using Meridian.Grains.Domain;

namespace Meridian.Grains.Positions;

/// <summary>
/// Position accounting for one portfolio and symbol: netting, average entry price, realized P&amp;L on reductions and
/// flips, fees and cycles, as docs/accounting.md states them. Pure: it changes only the <see cref="PositionState"/> it
/// wraps, takes every time from the fills and does no I/O, so the Position grain decides when to write the state.
/// Make a new ledger when the state object is replaced (after a reload).
/// </summary>
public sealed class PositionLedger
{
    // Averages, pro-rata fee shares and partial cost removals are rounded (half to even) to the precision of prices and
    // quantities; digits beyond it are noise. Everything else is exact decimal arithmetic.
    private const int Decimals = 9;

    /// <summary>How many of the newest execution ids a position remembers to refuse a fill delivered again.</summary>
    public const int RememberedExecutions = 128;

    private readonly string _portfolioId;
    private readonly Symbol _symbol;
    private readonly PositionState _state;
    private readonly HashSet<string> _recentExecutions;

    /// <summary>
    /// Wraps <paramref name="state"/>, the state of position <paramref name="portfolioId"/>/<paramref name="symbol"/>.
    /// A new state takes that identity; a state of another position throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public PositionLedger(string portfolioId, Symbol symbol, PositionState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portfolioId);
        ArgumentNullException.ThrowIfNull(state);
        if (symbol == default)
            throw new ArgumentException("symbol is default(Symbol); make symbols with Symbol.Parse", nameof(symbol));
        if (state.Symbol is null)
        {
            state.PortfolioId = portfolioId;
            state.Symbol = symbol;
        }
        else if (state.PortfolioId != portfolioId || state.Symbol != symbol)
        {
            // Applying fills to another position's state would corrupt both; this points at a storage or key mix-up.
            throw new InvalidOperationException(
                $"position '{portfolioId}/{symbol.Value}' was given the state of position '{state.PortfolioId}/{state.Symbol}'; check the grain's key and storage");
        }
        _portfolioId = portfolioId;
        _symbol = symbol;
        _state = state;
        _recentExecutions = [.. state.RecentExecutionIds];
    }

    /// <summary>False when <paramref name="executionId"/> is among the newest remembered; else remembers it, forgetting the oldest.</summary>
    private bool Remember(string executionId)
    {
        if (!_recentExecutions.Add(executionId))
            return false;
        var recent = _state.RecentExecutionIds;
        recent.Add(executionId);
        if (recent.Count > RememberedExecutions)
        {
            _recentExecutions.Remove(recent[0]);
            recent.RemoveAt(0);
        }
        return true;
    }

    /// <summary>The finished cycles, oldest first: a copy that later fills do not change.</summary>
    public IReadOnlyList<PositionCycle> ClosedCycles => [.. _state.ClosedCycles];

    /// <summary>
    /// Applies a fill: true when it changed the position, false (and nothing changed) when its execution id was applied
    /// before. A fill without an execution id, quantity or price throws <see cref="InvalidInputException"/>.
    /// </summary>
    public bool Apply(PositionFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        Validate(fill);
        if (!Remember(fill.ExecutionId))
            return false;

        _state.Fees += fill.Commission;
        _state.FillCount++;
        // Fills of different orders may arrive out of time order; the last fill time is the latest one.
        if (_state.LastFillAt is not { } last || fill.Time > last)
            _state.LastFillAt = fill.Time;

        var quantity = fill.Quantity.Value;
        if (_state.Quantity == 0m)
        {
            Open(fill, quantity, fill.Commission);
        }
        else if (Math.Sign(_state.Quantity) == fill.Side.Sign())
        {
            Add(fill, quantity, fill.Commission);
        }
        else
        {
            var closing = Math.Min(Math.Abs(_state.Quantity), quantity);
            // A flip splits the commission pro rata by quantity; the opening part takes the remainder, so the two parts
            // sum to the commission exactly whatever the rounding of the first.
            var closingFee = closing == quantity ? fill.Commission : Money.Of(Math.Round(fill.Commission.Amount * closing / quantity, Decimals));
            Reduce(fill, closing, closingFee);
            if (closing < quantity)
                Open(fill, quantity - closing, fill.Commission - closingFee);
        }
        return true;
    }

    /// <summary>The position now.</summary>
    public PositionSnapshot ToSnapshot() => new(
        _portfolioId,
        _symbol,
        _state.Quantity,
        _state.Quantity == 0m ? null : Average(_state.CostBasis, Math.Abs(_state.Quantity)),
        _state.RealizedPnl,
        _state.Fees,
        _state.Cycle,
        _state.CycleOpenedAt,
        _state.LastFillAt,
        _state.FillCount);

    private void Validate(PositionFill fill)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(fill.ExecutionId))
            errors.Add(new FieldError("execution_id", "is empty; without it a fill delivered twice would be applied twice"));
        if (!Enum.IsDefined(fill.Side))
            errors.Add(new FieldError("side", $"{(int)fill.Side} is neither buy nor sell"));
        if (fill.Quantity.IsZero)
            errors.Add(new FieldError("quantity", "is 0; a fill trades a positive quantity"));
        if (Price.Validate(fill.Price.Value) is { } priceError)
            errors.Add(new FieldError("price", priceError));
        if (errors.Count > 0)
            throw new InvalidInputException($"fill '{fill.ExecutionId}' of position '{_portfolioId}/{_symbol.Value}'", errors);
    }

    private void Open(PositionFill fill, decimal quantity, Money fee)
    {
        _state.Cycle++;
        _state.CycleOpenedAt = fill.Time;
        _state.CycleDirection = fill.Side;
        Add(fill, quantity, fee);
    }

    private void Add(PositionFill fill, decimal quantity, Money fee)
    {
        var notional = Money.Of(fill.Price.Value * quantity);
        _state.Quantity += fill.Side.Sign() * quantity;
        _state.CostBasis += notional;
        _state.CycleEntryQuantity += quantity;
        _state.CycleEntryNotional += notional;
        _state.CycleMaxQuantity = Math.Max(_state.CycleMaxQuantity, Math.Abs(_state.Quantity));
        _state.CycleFees += fee;
        _state.CycleFillCount++;
    }

    private void Reduce(PositionFill fill, decimal quantity, Money fee)
    {
        var held = Math.Abs(_state.Quantity);
        // Closing everything removes the whole basis, so a cycle realizes exactly its exit notional less its entry
        // notional, and the rounding of partial removals never outlives the cycle.
        var removedBasis = quantity == held ? _state.CostBasis.Amount : Math.Round(_state.CostBasis.Amount * quantity / held, Decimals);
        var exitNotional = fill.Price.Value * quantity;
        var realized = Money.Of(Math.Sign(_state.Quantity) * (exitNotional - removedBasis));

        _state.Quantity += fill.Side.Sign() * quantity;
        _state.CostBasis -= Money.Of(removedBasis);
        _state.RealizedPnl += realized;
        _state.CycleRealizedPnl += realized;
        _state.CycleExitNotional += Money.Of(exitNotional);
        _state.CycleFees += fee;
        _state.CycleFillCount++;
        if (_state.Quantity == 0m)
            Close(fill.Time);
    }

    private void Close(DateTimeOffset time)
    {
        _state.ClosedCycles.Add(new PositionCycle(
            _state.Cycle,
            _state.CycleDirection ?? throw Corrupt("cycle_direction"),
            _state.CycleOpenedAt ?? throw Corrupt("cycle_opened_at"),
            time,
            _state.CycleMaxQuantity,
            Average(_state.CycleEntryNotional, _state.CycleEntryQuantity),
            Average(_state.CycleExitNotional, _state.CycleEntryQuantity),
            _state.CycleRealizedPnl,
            _state.CycleFees,
            _state.CycleFillCount));

        // Flat: no open cycle. The cycle number stays, so the next fill opens the one after it.
        _state.CostBasis = Money.Zero;
        _state.CycleOpenedAt = null;
        _state.CycleDirection = null;
        _state.CycleMaxQuantity = 0m;
        _state.CycleEntryQuantity = 0m;
        _state.CycleEntryNotional = Money.Zero;
        _state.CycleExitNotional = Money.Zero;
        _state.CycleRealizedPnl = Money.Zero;
        _state.CycleFees = Money.Zero;
        _state.CycleFillCount = 0;
    }

    private static Price Average(Money notional, decimal quantity) => Price.Of(Math.Round(notional.Amount / quantity, Decimals));

    private InvalidOperationException Corrupt(string field) =>
        new($"the stored state of position '{_portfolioId}/{_symbol.Value}' holds units but no {field}; it is corrupt and needs repair");
}
