namespace Meridian.Runtime.Tests.Storage;

/// <summary>The side of an order, stored by name.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}

/// <summary>
/// A state with one member of each kind a trading state holds: exact decimals, text in any script, a list, a
/// dictionary, a nested object, an enum, a nullable, a time with an offset, and a public field.
/// </summary>
public sealed class PortfolioState
{
    public string Name { get; set; } = string.Empty;

    public decimal Cash { get; set; }

    public long Sequence { get; set; }

    public OrderSide LastSide { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public string? Note { get; set; }

#pragma warning disable CA2227 // States are plain serializable bags: the serializer sets their collections.
    public List<string> Symbols { get; set; } = [];

    public Dictionary<string, decimal> Limits { get; set; } = [];
#pragma warning restore CA2227

    public Position? Largest { get; set; }

#pragma warning disable CA1051 // States are stored with fields included (StateJson): a public field must round-trip too.
    public int Revision;
#pragma warning restore CA1051
}

/// <summary>A nested object of <see cref="PortfolioState"/>.</summary>
public sealed class Position
{
    public string Symbol { get; set; } = string.Empty;

    public decimal Quantity { get; set; }

#pragma warning disable CA2227
    public List<decimal> Fills { get; set; } = [];
#pragma warning restore CA2227
}

/// <summary>A small state: one number and one text.</summary>
public sealed class TagState
{
    public int Number { get; set; }

    public string Text { get; set; } = string.Empty;
}
