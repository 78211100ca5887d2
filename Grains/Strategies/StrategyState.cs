using Meridian.Grains.Domain;

namespace Meridian.Grains.Strategies;

/// <summary>The persisted state of a <see cref="StrategyGrain"/>.</summary>
public sealed class StrategyState
{
    /// <summary>The strategy, once started.</summary>
    public StrategySpec? Spec { get; set; }

    /// <summary>The symbols it trades.</summary>
    public List<Symbol> Universe { get; set; } = [];

    /// <summary>Orders placed so far: the sequence number in the next order's client order id.</summary>
    public long OrdersPlaced { get; set; }

    /// <summary>Slices a model-driven strategy has seen: it rebalances on every n-th from the first.</summary>
    public long SlicesSeen { get; set; }

    /// <summary>When the last slice became known.</summary>
    public DateTimeOffset? LastSlice { get; set; }

    /// <summary>What the alpha model remembers of each symbol, by symbol.</summary>
    public Dictionary<string, SymbolSignal> Signals { get; set; } = [];
}
