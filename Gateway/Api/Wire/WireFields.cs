using Meridian.Grains.Domain;

namespace Meridian.Gateway.Api.Wire;

/// <summary>
/// Reads a request's fields into domain values, collecting every <see cref="FieldError"/> instead of stopping at the
/// first: enum values by their snake_case names, prices and quantities with their precision and range.
/// </summary>
internal sealed class WireFields
{
    /// <summary>The largest quantity or price the API takes: far above any real order, far below decimal's range.</summary>
    public const decimal MaxMagnitude = 1_000_000_000m;

    private readonly List<FieldError> _errors = [];

    /// <summary>Every error found so far.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>Records an error.</summary>
    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>Throws <see cref="InvalidInputException"/> with every error, if there is any.</summary>
    public void ThrowIfAny(string what)
    {
        if (_errors.Count > 0)
            throw new InvalidInputException(what, _errors);
    }

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public string Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return "";
        }
        if (value.Length > maxLength)
            Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
        else if (value.Any(char.IsControl))
            Add(field, "must not contain control characters");
        return value;
    }

    /// <summary>A ticker (BRK.B, BTC/USD).</summary>
    public Symbol Symbol(string? value, string field)
    {
        if (value is null)
        {
            Add(field, "is required");
            return default;
        }
        if (Grains.Domain.Symbol.TryParse(value, out var symbol, out var error))
            return symbol;
        Add(field, error);
        return default;
    }

    /// <summary>An enum value by its wire name (buy, stop_limit, gtc); <paramref name="fallback"/> when absent, an error when required.</summary>
    public T Enum<T>(string? value, string field, T? fallback = null) where T : struct, Enum
    {
        if (value is null)
        {
            if (fallback is { } f)
                return f;
            Add(field, $"is required: one of {Names<T>()}");
            return default;
        }
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(WireName.Of(candidate), value, StringComparison.Ordinal))
                return candidate;
        }
        Add(field, $"'{Shorten(value)}' is not one of {Names<T>()}");
        return fallback ?? default;
    }

    /// <summary>A positive quantity with at most <see cref="Quantity.MaxDecimals"/> places (null when absent and not required).</summary>
    public Quantity? Quantity(decimal? value, string field, bool required)
    {
        if (value is not { } v)
        {
            if (required)
                Add(field, "is required");
            return null;
        }
        if (v <= 0m)
            Add(field, $"{v} must be greater than zero");
        else if (v > MaxMagnitude)
            Add(field, $"{v} is larger than {MaxMagnitude:0}");
        else if (Grains.Domain.Quantity.Validate(v) is { } error)
            Add(field, error);
        else
            return Grains.Domain.Quantity.Of(v);
        return null;
    }

    /// <summary>A positive price with at most <see cref="Price.MaxDecimals"/> places (null when absent).</summary>
    public Price? Price(decimal? value, string field)
    {
        if (value is not { } v)
            return null;
        if (v > MaxMagnitude)
            Add(field, $"{v} is larger than {MaxMagnitude:0}");
        else if (Grains.Domain.Price.Validate(v) is { } error)
            Add(field, error);
        else
            return Grains.Domain.Price.Of(v);
        return null;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/> given as query text; <paramref name="fallback"/> when absent.</summary>
    public int Count(string? text, string field, int max, int fallback)
    {
        if (text is null)
            return fallback;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= max)
            return count;
        Add(field, $"'{Shorten(text)}' must be a whole number from 1 to {max}");
        return fallback;
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", System.Enum.GetValues<T>().Select(v => WireName.Of(v)));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
