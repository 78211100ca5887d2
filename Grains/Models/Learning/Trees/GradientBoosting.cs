using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Synthetic;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// Trains gradient-boosted regression trees on squared loss in the manner of LightGBM: features binned by quantiles,
/// histogram split search, leaf-wise growth, optional feature and row subsampling, early stopping on a validation set
/// (docs/models.md, "Boosted trees"). The same data, options and seed give the same trees, bit for bit.
/// </summary>
public static class GradientBoosting
{
    private const string What = "gbdt training data";

    // Streams of the seed: one for the features of each tree, one for the bags of rows.
    private const ulong FeatureStream = 1;
    private const ulong BaggingStream = 2;

    // Rows scored by one task when a tree is added to the rows it did not learn from.
    private const int ScoreBlock = 4096;

    /// <summary>
    /// Trains on <paramref name="train"/>; with <paramref name="validation"/> (the same features, in order), keeps the
    /// trees up to the round of lowest validation loss and stops <see cref="GbdtOptions.EarlyStoppingRounds"/> rounds
    /// after it. Features may be NaN; labels must be finite. Training also stops when a tree finds no split.
    /// </summary>
    public static GbdtModel Train(Dataset train, Dataset? validation, GbdtOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        Check(train, validation, options);

        var bins = BinnedFeatures.Build(train, options.MaxBins);
        var labels = train.Labels.ToArray();
        var baseScore = labels.Average();
        var scores = Enumerable.Repeat(baseScore, labels.Length).ToArray();
        var gradients = new double[labels.Length];
        var validationScores = validation is null ? [] : Enumerable.Repeat(baseScore, validation.RowCount).ToArray();
        var validationRows = validation is null ? [] : Enumerable.Range(0, validation.RowCount).ToArray();
        var splittable = Enumerable.Range(0, bins.FeatureCount).Where(f => bins.Splittable[f]).ToArray();
        var featureRandom = new RandomStream(unchecked((ulong)options.Seed), FeatureStream);
        var bag = new RowBag(labels.Length, options, new RandomStream(unchecked((ulong)options.Seed), BaggingStream));
        var grower = new TreeGrower(bins, options);

        var trees = new List<RegressionTree>();
        var validationLoss = new List<double>();
        var best = 0;
        for (var iteration = 0; iteration < options.NumTrees; iteration++)
        {
            bag.Draw(iteration);
            for (var r = 0; r < labels.Length; r++)
                gradients[r] = scores[r] - labels[r];
            var tree = grower.Grow(gradients, bag.InBag, Sample(splittable, options.FeatureFraction, featureRandom));
            if (tree.NodeCount == 0)
                break;
            trees.Add(tree);
            grower.AddLeafValues(tree, scores);
            var single = new GbdtModel(train.FeatureCount, 0, [tree], null);
            AddScores(single, train, bag.OutOfBag, scores);
            if (validation is null)
                continue;
            AddScores(single, validation, new ArraySegment<int>(validationRows), validationScores);
            validationLoss.Add(MeanSquaredError(validationScores, validation.Labels));
            if (validationLoss[^1] < validationLoss[best])
                best = validationLoss.Count - 1;
            if (options.EarlyStoppingRounds > 0 && validationLoss.Count - 1 - best >= options.EarlyStoppingRounds)
                break;
        }
        var kept = validation is null || trees.Count == 0 ? trees.Count : best + 1;
        return new GbdtModel(train.FeatureCount, baseScore, trees[..kept], new BoostingHistory(trees.Count, kept, validationLoss));
    }

    private static void Check(Dataset train, Dataset? validation, GbdtOptions options)
    {
        if (train.RowCount < 2 * options.MinDataInLeaf)
        {
            throw new InvalidInputException(What, [new("rows",
                $"{train.RowCount} rows are too few: a split needs {options.MinDataInLeaf} rows a side (gbdt.min_data_in_leaf), so at least {2 * options.MinDataInLeaf}")]);
        }
        TrainingRows.RequireLabels(train, What);
        if (validation is null)
            return;
        if (!validation.FeatureNames.SequenceEqual(train.FeatureNames))
        {
            var at = Enumerable.Range(0, Math.Min(train.FeatureCount, validation.FeatureCount)).FirstOrDefault(
                f => train.FeatureNames[f] != validation.FeatureNames[f], Math.Min(train.FeatureCount, validation.FeatureCount));
            throw new InvalidInputException("gbdt validation data", [new("features",
                $"the validation features differ from the training features at column {at} ({validation.FeatureCount} against {train.FeatureCount} features); build both with one feature set")]);
        }
        if (validation.RowCount == 0)
            throw new InvalidInputException("gbdt validation data", [new("rows", "the validation set has no rows; pass null to train without one")]);
        TrainingRows.RequireLabels(validation, "gbdt validation data");
    }

    /// <summary>
    /// Adds the tree's score of each of <paramref name="rows"/> of <paramref name="data"/> to its score, in parallel
    /// over blocks of rows: each row's score is its own sum, so the order of the blocks does not matter.
    /// </summary>
    private static void AddScores(GbdtModel tree, Dataset data, ArraySegment<int> rows, double[] scores) =>
        Parallel.For(0, (rows.Count + ScoreBlock - 1) / ScoreBlock, block =>
        {
            var end = Math.Min(rows.Count, (block + 1) * ScoreBlock);
            for (var i = block * ScoreBlock; i < end; i++)
                scores[rows[i]] += tree.Predict(data.Row(rows[i]));
        });

    private static double MeanSquaredError(double[] scores, ReadOnlySpan<double> labels)
    {
        var squares = 0.0;
        for (var r = 0; r < scores.Length; r++)
            squares += (scores[r] - labels[r]) * (scores[r] - labels[r]);
        return squares / scores.Length;
    }

    /// <summary>A tree's features: all, or round(fraction × count) (at least one) drawn without replacement, ascending.</summary>
    private static int[] Sample(int[] features, double fraction, RandomStream random)
    {
        if (fraction >= 1 || features.Length == 0)
            return features;
        var pool = (int[])features.Clone();
        var take = Math.Max(1, (int)Math.Round(features.Length * fraction));
        for (var i = 0; i < take; i++)
        {
            var j = i + (int)(random.NextUInt64() % (ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var chosen = pool[..take];
        Array.Sort(chosen);
        return chosen;
    }
}
