using Meridian.Grains.Domain;

namespace Meridian.Brokers.Alpaca.Reconciliation;

/// <summary>A symbol whose position here and at Alpaca differ after orders and fills were reconciled.</summary>
public sealed record PositionMismatch(Symbol Symbol, decimal Local, decimal AtAlpaca)
{
    /// <inheritdoc />
    public override string ToString() => $"{Symbol} is {Local} here and {AtAlpaca} at Alpaca";
}

/// <summary>What one reconciliation did.</summary>
/// <param name="Time">When it finished.</param>
/// <param name="OrdersSeen">Orders Alpaca listed (legs included).</param>
/// <param name="Adopted">Orders found at Alpaca that the platform did not place, adopted as external.</param>
/// <param name="Settled">Orders whose submission was unsettled or that the listing missed, settled one by one.</param>
/// <param name="Unsent">Orders the platform recorded but never handed to Alpaca (a crash between the two), sent now.</param>
/// <param name="Mismatches">Positions that still disagree; non-empty means the portfolio was halted.</param>
public sealed record ReconciliationReport(
    DateTimeOffset Time, int OrdersSeen, int Adopted, int Settled, int Unsent, IReadOnlyList<PositionMismatch> Mismatches)
{
    /// <summary>True when positions agree.</summary>
    public bool Consistent => Mismatches.Count == 0;
}
