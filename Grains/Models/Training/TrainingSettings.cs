using Meridian.Grains.Domain;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Models.Training;

/// <summary>The kinds of model the platform trains.</summary>
public enum ModelKind
{
    /// <summary>Gradient-boosted regression trees (<see cref="GradientBoosting"/>).</summary>
    Gbdt,

    /// <summary>Ridge regression (<see cref="RidgeRegression"/>).</summary>
    Ridge,
}

/// <summary>
/// One training run: the model's name, the features, the kind of model and its options, how labels are normalized
/// for fitting, and where the data is split in time. Without split dates the labelled times are split 60/20/20 into
/// training, validation (early stopping) and a held-out test period.
/// </summary>
public sealed record TrainingSettings(string Name, FeatureSet Features, ModelKind Kind)
{
    /// <summary>The boosted trees' options.</summary>
    public GbdtOptions Gbdt { get; init; } = GbdtOptions.Default;

    /// <summary>Ridge regression's options.</summary>
    public RidgeOptions Ridge { get; init; } = RidgeOptions.Default;

    /// <summary>How the labels the model is fitted to are normalized per time (the test is always scored against raw forward returns).</summary>
    public LabelNormalization Labels { get; init; } = LabelNormalization.ZScore;

    /// <summary>The first time of the validation period; null for the 60% point of the labelled times.</summary>
    public DateTimeOffset? ValidationStart { get; init; }

    /// <summary>The first time of the test period; null for the 80% point of the labelled times.</summary>
    public DateTimeOffset? TestStart { get; init; }

    /// <summary>Quantiles of the long-short evaluation (5: top fifth long, bottom fifth short).</summary>
    public int Quantiles { get; init; } = 5;

    /// <summary>Every setting that is wrong, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Registry.ModelRegistryGrain.NameProblem(Name) is { } problem)
            errors.Add(new FieldError("name", problem));
        if (Features is null)
            errors.Add(new FieldError("features", "are required"));
        if (!Enum.IsDefined(Kind))
            errors.Add(new FieldError("kind", $"{Kind} is not a model kind; use gbdt or ridge"));
        errors.AddRange(Kind == ModelKind.Gbdt ? Gbdt.Validate() : Ridge.Validate());
        if (ValidationStart is { } validation && TestStart is { } test && validation >= test)
            errors.Add(new FieldError("test_start", $"{test:yyyy-MM-dd} must be after the validation start {validation:yyyy-MM-dd}"));
        if (Quantiles < 2)
            errors.Add(new FieldError("quantiles", $"{Quantiles} must be at least 2"));
        return errors;
    }
}
