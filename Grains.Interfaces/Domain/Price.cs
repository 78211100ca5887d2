using System.Text.Json.Serialization;

namespace Meridian.Grains.Domain;

/// <summary>A price per unit: positive, at most <see cref="MaxDecimals"/> decimal places.</summary>
[JsonConverter(typeof(DecimalValueJsonConverter<Price>))]
public readonly record struct Price : IDecimalValue<Price>, IComparable<Price>
{
    /// <summary>Alpaca accepts up to 9 decimal places; more is a mistake, not precision.</summary>
    public const int MaxDecimals = 9;

    private Price(decimal value) => Value = value;

    /// <summary>The price as a decimal.</summary>
    public decimal Value { get; }

    /// <summary>Makes a price, or throws <see cref="ArgumentOutOfRangeException"/> saying what is wrong.</summary>
    public static Price Of(decimal value) =>
        Validate(value) is { } error ? throw new ArgumentOutOfRangeException(nameof(value), value, error) : new Price(value);

    /// <summary>Why <paramref name="value"/> is not a price, or null when it is one.</summary>
    public static string? Validate(decimal value) =>
        value <= 0m ? $"price {value} is not positive"
        : value != decimal.Round(value, MaxDecimals) ? $"price {value} has more than {MaxDecimals} decimal places"
        : null;

    static Price IDecimalValue<Price>.FromDecimal(decimal value) => Of(value);

    /// <inheritdoc />
    public int CompareTo(Price other) => Value.CompareTo(other.Value);

    public static bool operator <(Price left, Price right) => left.Value < right.Value;
    public static bool operator >(Price left, Price right) => left.Value > right.Value;
    public static bool operator <=(Price left, Price right) => left.Value <= right.Value;
    public static bool operator >=(Price left, Price right) => left.Value >= right.Value;

    /// <summary>The notional value of <paramref name="quantity"/> units at <paramref name="price"/>.</summary>
    public static Money operator *(Price price, Quantity quantity) => Money.Of(price.Value * quantity.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
