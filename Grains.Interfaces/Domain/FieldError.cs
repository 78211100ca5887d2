namespace Meridian.Grains.Domain;

/// <summary>One thing wrong with an input: the field (snake_case, as the API names it) and what is wrong, for a person.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>An input with one or more <see cref="FieldError"/>s; the message lists all of them.</summary>
public sealed class InvalidInputException(string what, IReadOnlyList<FieldError> errors)
    : ArgumentException($"{what} is invalid: {string.Join("; ", errors)}")
{
    /// <summary>Every violation found, not just the first.</summary>
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
