using System.Globalization;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// How <see cref="GradientBoosting"/> trains, named and defaulted as LightGBM's parameters where it has them
/// (docs/models.md, "Boosted trees"). <see cref="Validate"/> reports every violation at once.
/// </summary>
public sealed record GbdtOptions
{
    /// <summary>Boosting rounds, one tree each (gbdt.num_trees).</summary>
    public int NumTrees { get; init; } = 200;

    /// <summary>Each tree's leaf values are multiplied by this (gbdt.learning_rate).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Leaves per tree at most; trees grow best-first until they have this many (gbdt.num_leaves).</summary>
    public int NumLeaves { get; init; } = 63;

    /// <summary>Splits from the root to a leaf at most; null for no limit (gbdt.max_depth).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Value bins per feature at most, from quantiles of the training values; NaN has a bin of its own besides (gbdt.max_bins).</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Rows a leaf must keep (gbdt.min_data_in_leaf).</summary>
    public int MinDataInLeaf { get; init; } = 20;

    /// <summary>Hessian sum a leaf must keep; with squared loss every row's hessian is 1, so this is a row count (gbdt.min_sum_hessian).</summary>
    public double MinSumHessian { get; init; } = 1e-3;

    /// <summary>L2 regularization of leaf values, added to each leaf's hessian sum (gbdt.lambda).</summary>
    public double Lambda { get; init; }

    /// <summary>A split must gain more than this (gbdt.min_gain_to_split).</summary>
    public double MinGainToSplit { get; init; }

    /// <summary>Share of the splittable features each tree may split on, drawn per tree from <see cref="Seed"/> (gbdt.feature_fraction).</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>Share of the rows each tree learns from, drawn from <see cref="Seed"/> (gbdt.bagging_fraction); needs <see cref="BaggingFreq"/>.</summary>
    public double BaggingFraction { get; init; } = 1.0;

    /// <summary>A new bag of rows every this many trees; 0 turns bagging off (gbdt.bagging_freq).</summary>
    public int BaggingFreq { get; init; }

    /// <summary>With a validation set, stop after this many trees without a lower validation loss; 0 trains every tree (gbdt.early_stopping_rounds).</summary>
    public int EarlyStoppingRounds { get; init; } = 50;

    /// <summary>Seeds feature subsampling and bagging; the same seed and data give the same trees (gbdt.seed).</summary>
    public int Seed { get; init; }

    /// <summary>LightGBM's defaults, with 200 trees of 63 leaves and early stopping after 50 rounds.</summary>
    public static GbdtOptions Default { get; } = new();

    internal bool Bagging => BaggingFreq > 0 && BaggingFraction < 1;

    /// <summary>Every setting that is out of range, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (NumTrees < 1)
            errors.Add(new("num_trees", $"{NumTrees} must be at least 1"));
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
            errors.Add(new("learning_rate", $"{LearningRate} must be a finite number above 0 (0.1 is usual)"));
        if (NumLeaves < 2)
            errors.Add(new("num_leaves", $"{NumLeaves} must be at least 2"));
        if (MaxDepth < 1)
            errors.Add(new("max_depth", $"{MaxDepth} must be at least 1, or left out for no limit"));
        if (MaxBins is < 2 or > 255)
            errors.Add(new("max_bins", $"{MaxBins} must be from 2 to 255 (bins are stored as bytes, bin 0 holding NaN)"));
        if (MinDataInLeaf < 1)
            errors.Add(new("min_data_in_leaf", $"{MinDataInLeaf} must be at least 1"));
        if (!double.IsFinite(MinSumHessian) || MinSumHessian < 0)
            errors.Add(new("min_sum_hessian", $"{MinSumHessian} must be a finite number of 0 or more"));
        if (!double.IsFinite(Lambda) || Lambda < 0)
            errors.Add(new("lambda", $"{Lambda} must be a finite number of 0 or more"));
        if (!double.IsFinite(MinGainToSplit) || MinGainToSplit < 0)
            errors.Add(new("min_gain_to_split", $"{MinGainToSplit} must be a finite number of 0 or more"));
        if (!(FeatureFraction > 0 && FeatureFraction <= 1))
            errors.Add(new("feature_fraction", $"{FeatureFraction} must be above 0 and at most 1"));
        if (!(BaggingFraction > 0 && BaggingFraction <= 1))
            errors.Add(new("bagging_fraction", $"{BaggingFraction} must be above 0 and at most 1"));
        if (BaggingFreq < 0)
            errors.Add(new("bagging_freq", $"{BaggingFreq} must be 0 (no bagging) or more"));
        if (EarlyStoppingRounds < 0)
            errors.Add(new("early_stopping_rounds", $"{EarlyStoppingRounds} must be 0 (train every tree) or more"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the options.</summary>
    public GbdtOptions EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("gbdt options", errors) : this;

    /// <summary>The options as a model file's parameters (snake_case names, invariant round-trip numbers; max_depth "none" for no limit).</summary>
    public IReadOnlyDictionary<string, string> ToParameters() => new Dictionary<string, string>
    {
        ["num_trees"] = Text(NumTrees),
        ["learning_rate"] = Text(LearningRate),
        ["num_leaves"] = Text(NumLeaves),
        ["max_depth"] = MaxDepth is { } depth ? Text(depth) : "none",
        ["max_bins"] = Text(MaxBins),
        ["min_data_in_leaf"] = Text(MinDataInLeaf),
        ["min_sum_hessian"] = Text(MinSumHessian),
        ["lambda"] = Text(Lambda),
        ["min_gain_to_split"] = Text(MinGainToSplit),
        ["feature_fraction"] = Text(FeatureFraction),
        ["bagging_fraction"] = Text(BaggingFraction),
        ["bagging_freq"] = Text(BaggingFreq),
        ["early_stopping_rounds"] = Text(EarlyStoppingRounds),
        ["seed"] = Text(Seed),
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
