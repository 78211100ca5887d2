using System.Text.Json.Serialization;

namespace Meridian.Grains.Domain;

/// <summary>An unsigned number of units (shares, coins): zero or more, at most <see cref="MaxDecimals"/> decimal places.
/// Direction lives in <see cref="Side"/> or in a position's signed quantity, never here.</summary>
[JsonConverter(typeof(DecimalValueJsonConverter<Quantity>))]
public readonly record struct Quantity : IDecimalValue<Quantity>, IComparable<Quantity>
{
    /// <summary>Alpaca allows fractional quantities to 9 decimal places.</summary>
    public const int MaxDecimals = 9;

    /// <summary>No units.</summary>
    public static Quantity Zero => default;

    private Quantity(decimal value) => Value = value;

    /// <summary>The quantity as a decimal.</summary>
    public decimal Value { get; }

    /// <summary>True when there are no units.</summary>
    public bool IsZero => Value == 0m;

    /// <summary>Makes a quantity, or throws <see cref="ArgumentOutOfRangeException"/> saying what is wrong.</summary>
    public static Quantity Of(decimal value) =>
        Validate(value) is { } error ? throw new ArgumentOutOfRangeException(nameof(value), value, error) : new Quantity(value);

    /// <summary>Why <paramref name="value"/> is not a quantity, or null when it is one.</summary>
    public static string? Validate(decimal value) =>
        value < 0m ? $"quantity {value} is negative"
        : value != decimal.Round(value, MaxDecimals) ? $"quantity {value} has more than {MaxDecimals} decimal places"
        : null;

    static Quantity IDecimalValue<Quantity>.FromDecimal(decimal value) => Of(value);

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    public static bool operator <(Quantity left, Quantity right) => left.Value < right.Value;
    public static bool operator >(Quantity left, Quantity right) => left.Value > right.Value;
    public static bool operator <=(Quantity left, Quantity right) => left.Value <= right.Value;
    public static bool operator >=(Quantity left, Quantity right) => left.Value >= right.Value;
    public static Quantity operator +(Quantity left, Quantity right) => new(left.Value + right.Value);

    /// <summary>The difference; throws when it would be negative.</summary>
    public static Quantity operator -(Quantity left, Quantity right) => Of(left.Value - right.Value);

    /// <summary>The smaller of two quantities.</summary>
    public static Quantity Min(Quantity left, Quantity right) => left <= right ? left : right;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
