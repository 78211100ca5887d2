using System.Globalization;

namespace Meridian.Runtime;

/// <summary>
/// A grain's typed primary key. Unlike Orleans' IdSpan it keeps the key's kind, so "020235" (a string) and
/// 20235 (an integer) are different keys and no key is ever re-parsed from text with a loss.
/// </summary>
public readonly struct GrainKey : IEquatable<GrainKey>
{
    private readonly string? _text;
    private readonly Guid _guid;
    private readonly long _integer;

    private GrainKey(GrainKeyKind kind, string? text, Guid guid, long integer)
    {
        Kind = kind;
        _text = text;
        _guid = guid;
        _integer = integer;
    }

    /// <summary>The key's shape.</summary>
    public GrainKeyKind Kind { get; }

    /// <summary>Creates a string key.</summary>
    public static GrainKey FromString(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new GrainKey(GrainKeyKind.String, key, Guid.Empty, 0);
    }

    /// <summary>Creates a Guid key.</summary>
    public static GrainKey FromGuid(Guid key) => new(GrainKeyKind.Guid, null, key, 0);

    /// <summary>Creates an integer key.</summary>
    public static GrainKey FromInteger(long key) => new(GrainKeyKind.Integer, null, Guid.Empty, key);

    /// <summary>Creates a Guid key with a string extension.</summary>
    public static GrainKey FromGuidCompound(Guid key, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return new GrainKey(GrainKeyKind.GuidCompound, extension, key, 0);
    }

    /// <summary>Creates an integer key with a string extension.</summary>
    public static GrainKey FromIntegerCompound(long key, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return new GrainKey(GrainKeyKind.IntegerCompound, extension, Guid.Empty, key);
    }

    /// <summary>The string key; throws when the key is not a string key.</summary>
    public string StringValue => Kind == GrainKeyKind.String ? _text! : throw WrongKind(GrainKeyKind.String);

    /// <summary>The Guid part of a Guid or Guid-compound key.</summary>
    public Guid GuidValue => Kind is GrainKeyKind.Guid or GrainKeyKind.GuidCompound ? _guid : throw WrongKind(GrainKeyKind.Guid);

    /// <summary>The integer part of an integer or integer-compound key.</summary>
    public long IntegerValue =>
        Kind is GrainKeyKind.Integer or GrainKeyKind.IntegerCompound ? _integer : throw WrongKind(GrainKeyKind.Integer);

    /// <summary>The string extension of a compound key; null for the other kinds.</summary>
    public string? Extension => Kind is GrainKeyKind.GuidCompound or GrainKeyKind.IntegerCompound ? _text : null;

    /// <summary>
    /// The canonical text of the key, prefixed by its kind so that it parses back to the same key:
    /// <c>s:abc</c>, <c>g:{guid}</c>, <c>i:42</c>, <c>gx:{guid}+ext</c>, <c>ix:42+ext</c>.
    /// </summary>
    public override string ToString() => Kind switch
    {
        GrainKeyKind.String => "s:" + _text,
        GrainKeyKind.Guid => "g:" + _guid.ToString("N"),
        GrainKeyKind.Integer => "i:" + _integer.ToString(CultureInfo.InvariantCulture),
        GrainKeyKind.GuidCompound => "gx:" + _guid.ToString("N") + "+" + _text,
        GrainKeyKind.IntegerCompound => "ix:" + _integer.ToString(CultureInfo.InvariantCulture) + "+" + _text,
        _ => "(none)",
    };

    /// <summary>The key as a person would write it, without the kind prefix.</summary>
    public string ToDisplayString() => Kind switch
    {
        GrainKeyKind.String => _text!,
        GrainKeyKind.Guid => _guid.ToString("D"),
        GrainKeyKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        GrainKeyKind.GuidCompound => _guid.ToString("D") + "+" + _text,
        GrainKeyKind.IntegerCompound => _integer.ToString(CultureInfo.InvariantCulture) + "+" + _text,
        _ => "(none)",
    };

    /// <summary>Parses the canonical text produced by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a canonical grain key.</exception>
    public static GrainKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            throw new FormatException($"grain key '{text}' has no kind prefix (expected s:, g:, i:, gx: or ix:)");
        var prefix = text.AsSpan(0, colon);
        var body = text[(colon + 1)..];
        switch (prefix)
        {
            case "s":
                return FromString(body);
            case "g":
                return FromGuid(ParseGuid(text, body));
            case "i":
                return FromInteger(ParseInteger(text, body));
            case "gx":
            {
                var (head, extension) = SplitCompound(text, body);
                return FromGuidCompound(ParseGuid(text, head), extension);
            }
            case "ix":
            {
                var (head, extension) = SplitCompound(text, body);
                return FromIntegerCompound(ParseInteger(text, head), extension);
            }
            default:
                throw new FormatException($"grain key '{text}' has an unknown kind prefix '{prefix}' (expected s, g, i, gx or ix)");
        }
    }

    private static Guid ParseGuid(string text, string body) =>
        Guid.TryParse(body, out var guid) ? guid : throw new FormatException($"grain key '{text}': '{body}' is not a Guid");

    private static long ParseInteger(string text, string body) =>
        long.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"grain key '{text}': '{body}' is not a 64-bit integer");

    private static (string Head, string Extension) SplitCompound(string text, string body)
    {
        var plus = body.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? throw new FormatException($"grain key '{text}' is compound but has no '+' before its extension")
            : (body[..plus], body[(plus + 1)..]);
    }

    private InvalidOperationException WrongKind(GrainKeyKind wanted) =>
        new($"grain key {this} is a {Kind} key, not a {wanted} key");

    /// <inheritdoc />
    public bool Equals(GrainKey other) =>
        Kind == other.Kind && _integer == other._integer && _guid == other._guid && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _integer, _guid, _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>Equality by kind and value.</summary>
    public static bool operator ==(GrainKey left, GrainKey right) => left.Equals(right);

    /// <summary>Inequality by kind and value.</summary>
    public static bool operator !=(GrainKey left, GrainKey right) => !left.Equals(right);
}
