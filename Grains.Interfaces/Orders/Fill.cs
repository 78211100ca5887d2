using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>One execution: <see cref="Quantity"/> units traded at <see cref="Price"/>. <see cref="ExecutionId"/> is unique per broker execution, so a duplicated report is recognised and ignored.</summary>
public sealed record Fill(string ExecutionId, Quantity Quantity, Price Price, Money Commission, DateTimeOffset Time);
