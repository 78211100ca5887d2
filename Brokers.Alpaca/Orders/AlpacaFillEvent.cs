namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>The execution a fill or partial_fill trade update carries: its id, this fill's quantity and price, and when.</summary>
public sealed record AlpacaFillEvent(string ExecutionId, decimal Quantity, decimal Price, DateTimeOffset Time);
