using System.Text.Json.Serialization;

namespace Meridian.Grains.Domain;

/// <summary>An amount of account currency (USD), signed: cash and P&amp;L can be negative. Exact decimal arithmetic.</summary>
[JsonConverter(typeof(DecimalValueJsonConverter<Money>))]
public readonly record struct Money : IDecimalValue<Money>, IComparable<Money>
{
    /// <summary>Nothing.</summary>
    public static Money Zero => default;

    private Money(decimal amount) => Amount = amount;

    /// <summary>The amount as a decimal.</summary>
    public decimal Amount { get; }

    decimal IDecimalValue<Money>.Value => Amount;

    static Money IDecimalValue<Money>.FromDecimal(decimal value) => new(value);

    /// <summary>Makes an amount. Every decimal is a valid amount; the factory exists for symmetry with Price and Quantity.</summary>
    public static Money Of(decimal amount) => new(amount);

    /// <inheritdoc />
    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;
    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;
    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;
    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);
    public static Money operator -(Money value) => new(-value.Amount);

    /// <summary>The absolute amount.</summary>
    public Money Abs() => new(Math.Abs(Amount));

    /// <inheritdoc />
    public override string ToString() => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
