using System.Text.Json.Serialization;

namespace Meridian.Runtime;

/// <summary>
/// The identity of a grain: its grain type (the implementing class's name, e.g. <c>portfolio</c>) and its typed key.
/// Text form: <c>type/key</c>, e.g. <c>portfolio/s:main</c>; it parses back to the same id.
/// </summary>
[JsonConverter(typeof(GrainIdJsonConverter))]
public readonly record struct GrainId(string Type, GrainKey Key)
{
    /// <inheritdoc />
    public override string ToString() => Type + "/" + Key;

    /// <summary>Parses the text form produced by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a grain id.</exception>
    public static GrainId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
            throw new FormatException($"grain id '{text}' must look like 'type/key', e.g. 'portfolio/s:main'");
        return new GrainId(text[..slash], GrainKey.Parse(text[(slash + 1)..]));
    }

    /// <summary>True when this is a default (empty) id.</summary>
    public bool IsDefault => Type is null;
}
