using Meridian.Grains.Domain;

namespace Meridian.Grains.Portfolios;

/// <summary>What a portfolio id may be: 1 to 64 letters, digits, '-' or '_' (it is part of position keys and order ids).</summary>
public static class PortfolioIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>What is wrong with <paramref name="id"/>, if anything.</summary>
    public static IEnumerable<FieldError> Validate(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
            yield return new FieldError("portfolio_id", $"must be 1 to {MaxLength} characters long");
        else if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            yield return new FieldError("portfolio_id", $"'{id}' may contain only letters, digits, '-' and '_'");
    }
}
