using System.Globalization;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// How <see cref="RidgeRegression"/> fits: it minimizes sum((y - intercept - w·z)^2) + <see cref="Lambda"/> · sum(w^2),
/// where z is each feature minus its mean, divided by its standard deviation when <see cref="Standardize"/> is on. The
/// intercept is not penalized. <see cref="Validate"/> reports every violation at once.
/// </summary>
public sealed record RidgeOptions
{
    /// <summary>The L2 penalty on the weights, not scaled by the row count (ridge.lambda); 0 is ordinary least squares.</summary>
    public double Lambda { get; init; } = 1.0;

    /// <summary>Whether features are divided by their (population) standard deviation before the fit, so that the penalty treats them alike (ridge.standardize).</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>The fewest rows a fit accepts, whatever the feature count (ridge.minimum_rows); it also needs more rows than features.</summary>
    public int MinimumRows { get; init; } = 30;

    /// <summary>Lambda 1, standardized features, at least 30 rows.</summary>
    public static RidgeOptions Default { get; } = new();

    /// <summary>Every setting that is out of range, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!double.IsFinite(Lambda) || Lambda < 0)
            errors.Add(new("lambda", $"{Lambda} must be a finite number of 0 or more (0 = ordinary least squares)"));
        if (MinimumRows < 2)
            errors.Add(new("minimum_rows", $"{MinimumRows} must be at least 2"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the options.</summary>
    public RidgeOptions EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("ridge options", errors) : this;

    /// <summary>The options as a model file's parameters (snake_case names, invariant round-trip numbers).</summary>
    public IReadOnlyDictionary<string, string> ToParameters() => new Dictionary<string, string>
    {
        ["lambda"] = Lambda.ToString("R", CultureInfo.InvariantCulture),
        ["standardize"] = Standardize ? "true" : "false",
        ["minimum_rows"] = MinimumRows.ToString(CultureInfo.InvariantCulture),
    };
}
