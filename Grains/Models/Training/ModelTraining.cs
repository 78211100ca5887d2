using System.Diagnostics;
using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models.Evaluation;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Models.Training;

/// <summary>
/// Trains a model the way the <c>train</c> command does: features and labels from the bars (the batch feature code),
/// a split in time into training, validation and a held-out test period, fitting on normalized labels, then daily IC,
/// Rank IC, ICIR and a long-short backtest of the signal on validation and test against the raw forward returns.
/// The last two times before each split point are left out of the earlier period, because their labels (the return
/// from t+1 to t+2) reach into the later one.
/// </summary>
public static class ModelTraining
{
    /// <summary>Fewest times each period must have.</summary>
    public const int MinimumTrainingTimes = 20;

    /// <inheritdoc cref="MinimumTrainingTimes"/>
    public const int MinimumEvaluationTimes = 5;

    /// <summary>Labels reach this many bars ahead: the times before a split point left out of the earlier period.</summary>
    public const int LabelHorizon = 2;

    /// <summary>Trains on <paramref name="series"/>; bad settings or too little data throw <see cref="InvalidInputException"/> saying what.</summary>
    public static TrainingResult Run(TrainingSettings settings, IReadOnlyList<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(series);
        if (settings.Validate() is { Count: > 0 } errors)
            throw new InvalidInputException("training settings", errors);
        var raw = DatasetBuilder.Build(settings.Features, series).Labelled();
        var split = Split(raw, settings);
        var fitted = raw.WithLabels(DatasetBuilder.Normalized(raw, settings.Labels));
        var train = fitted.Between(split.TrainFrom, split.TrainEnd);
        var validation = fitted.Between(split.ValidationFrom, split.ValidationEnd);

        var clock = Stopwatch.StartNew();
        ModelArtifact artifact;
        if (settings.Kind == ModelKind.Gbdt)
        {
            var model = GradientBoosting.Train(train, validation, settings.Gbdt);
            artifact = ModelArtifact.Create(settings.Name, model, train, Parameters(settings, settings.Gbdt.ToParameters(), split));
        }
        else
        {
            var model = RidgeRegression.Fit(train, settings.Ridge);
            artifact = ModelArtifact.Create(settings.Name, model, train, Parameters(settings, settings.Ridge.ToParameters(), split));
        }
        var fitTime = clock.Elapsed;

        var predictor = artifact.CreatePredictor();
        var validationReport = Evaluate(predictor, raw.Between(split.ValidationFrom, split.ValidationEnd), settings.Quantiles);
        var testReport = Evaluate(predictor, raw.Between(split.TestFrom, DateTimeOffset.MaxValue), settings.Quantiles);
        artifact = artifact.WithMetrics(new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["validation_ic"] = validationReport.MeanIc,
            ["validation_rank_ic"] = validationReport.MeanRankIc,
            ["test_ic"] = testReport.MeanIc,
            ["test_icir"] = testReport.Icir,
            ["test_rank_ic"] = testReport.MeanRankIc,
            ["test_rank_icir"] = testReport.RankIcir,
            ["test_long_short_sharpe"] = testReport.LongShortSharpe,
            ["test_long_short_return"] = testReport.LongShortCumulativeReturn,
        });
        return new TrainingResult(artifact, split, validationReport, testReport, fitTime);
    }

    /// <summary>The signal of <paramref name="predictor"/> on every row, scored against the row's label.</summary>
    public static SignalReport Evaluate(IPredictor predictor, Dataset data, int quantiles)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(data);
        var scores = new List<SignalScore>(data.RowCount);
        for (var r = 0; r < data.RowCount; r++)
            scores.Add(new SignalScore(data.Times[r], data.Symbols[r], predictor.Predict(data.Row(r)), data.Labels[r]));
        return SignalEvaluation.Evaluate(scores, quantiles);
    }

    private static TrainingSplit Split(Dataset data, TrainingSettings settings)
    {
        var times = new List<DateTimeOffset>();
        foreach (var time in data.Times)
        {
            if (times.Count == 0 || times[^1] != time)
                times.Add(time);
        }
        var validation = settings.ValidationStart is { } v ? FirstAtOrAfter(times, v) : times.Count * 6 / 10;
        var test = settings.TestStart is { } t ? FirstAtOrAfter(times, t) : times.Count * 8 / 10;
        var trainTimes = validation - LabelHorizon;
        var validationTimes = test - LabelHorizon - validation;
        var testTimes = times.Count - test;
        if (trainTimes < MinimumTrainingTimes || validationTimes < MinimumEvaluationTimes || testTimes < MinimumEvaluationTimes)
        {
            throw new InvalidInputException("training data", [new FieldError("data", string.Create(CultureInfo.InvariantCulture,
                $"too little data: {times.Count} labelled times ({Date(times, 0)} to {Date(times, times.Count - 1)}) split into {Math.Max(0, trainTimes)} for training, " +
                $"{Math.Max(0, validationTimes)} for validation and {Math.Max(0, testTimes)} for the test; each needs at least " +
                $"{MinimumTrainingTimes}, {MinimumEvaluationTimes} and {MinimumEvaluationTimes} (the feature warm-up is {settings.Features.WarmUp} bars)"))]);
        }
        return new TrainingSplit(
            times[0], times[trainTimes], times[validation], times[test - LabelHorizon], times[test], times[^1]);
    }

    private static int FirstAtOrAfter(List<DateTimeOffset> times, DateTimeOffset time)
    {
        var index = times.BinarySearch(time);
        return index >= 0 ? index : ~index;
    }

    private static string Date(List<DateTimeOffset> times, int index) =>
        index >= 0 && index < times.Count ? times[index].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none";

    private static SortedDictionary<string, string> Parameters(TrainingSettings settings, IReadOnlyDictionary<string, string> model, TrainingSplit split)
    {
        var parameters = new SortedDictionary<string, string>(model.ToDictionary(), StringComparer.Ordinal)
        {
            ["label"] = "Ref($close,-2)/Ref($close,-1)-1",
            ["label_normalization"] = settings.Labels.ToString().ToLowerInvariant(),
            ["validation_from"] = split.ValidationFrom.ToString("O", CultureInfo.InvariantCulture),
            ["test_from"] = split.TestFrom.ToString("O", CultureInfo.InvariantCulture),
            ["test_to"] = split.TestTo.ToString("O", CultureInfo.InvariantCulture),
        };
        return parameters;
    }
}

/// <summary>
/// Where a training run split its data: training [TrainFrom, TrainEnd), validation [ValidationFrom, ValidationEnd),
/// test [TestFrom, TestTo]. TrainEnd and ValidationEnd are the times two before the next period's start.
/// </summary>
public sealed record TrainingSplit(
    DateTimeOffset TrainFrom, DateTimeOffset TrainEnd, DateTimeOffset ValidationFrom, DateTimeOffset ValidationEnd, DateTimeOffset TestFrom, DateTimeOffset TestTo);

/// <summary>A trained model with its metrics, the split, the reports on validation and test, and how long fitting took.</summary>
public sealed record TrainingResult(ModelArtifact Artifact, TrainingSplit Split, SignalReport Validation, SignalReport Test, TimeSpan FitTime);
