using Meridian.Grains.Domain;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Tests.Models.Learning;

public sealed class GradientBoostingTests
{
    // y = sin(3 x0) + 2 x1 x2 + (x3 > 0.5) + 0.1 noise, x uniform in [-1, 1), x4 pure noise. Variances: sin 0.523,
    // the product 4/9, the step 3/16, noise 0.01. The best linear fit explains the part of sin(3 x0) along x0
    // (correlation 0.828) and of the step along x3 (0.75) but nothing of the product: R² 0.40, IC 0.63.
    private static double Signal(double[] x, Random random) =>
        Math.Sin(3 * x[0]) + (2 * x[1] * x[2]) + (x[3] > 0.5 ? 1 : 0) + (0.1 * Datasets.Normal(random));

    [Fact]
    public void Boosted_trees_recover_a_nonlinear_signal_that_ridge_cannot()
    {
        var train = Datasets.Uniform(5000, 5, seed: 1, Signal);
        var test = Datasets.Uniform(2000, 5, seed: 2, Signal);

        var trees = GradientBoosting.Train(train, null, GbdtOptions.Default);
        var ridge = RidgeRegression.Fit(train);

        Assert.True(Datasets.HeldOutIc(trees, test) > 0.8, $"boosted trees' held-out IC {Datasets.HeldOutIc(trees, test)}");
        Assert.True(Datasets.HeldOutIc(ridge, test) < 0.7, $"ridge's held-out IC {Datasets.HeldOutIc(ridge, test)}");
    }

    [Fact]
    public void A_single_split_takes_the_feature_and_threshold_of_largest_gain()
    {
        // Mean label 2, so gradients (score - label) are 2 2 1 2 -2 -2 -1 -2. With λ = 1 the gain of a split is
        // GL²/(nL + 1) + GR²/(nR + 1) - 0²/9. On x0 the best cut is after 4 (GL = 7): 49/5 + 49/5 = 19.6. On x1
        // (rows in x1 order have gradients 2 2 -2 -2 -1 -2 1 2) the best is after 2 (GL = 4): 16/3 + 16/7 = 7.62.
        // Leaves: -GL/(nL + λ) = -7/5 and +7/5, so rows score 2 - 1.4 and 2 + 1.4.
        var data = Datasets.Of(
            ["x0", "x1"],
            [[1, 8], [2, 1], [3, 7], [4, 2], [5, 6], [6, 3], [7, 5], [8, 4]],
            [0, 0, 1, 0, 4, 4, 3, 4]);
        var options = new GbdtOptions { NumTrees = 1, NumLeaves = 2, MinDataInLeaf = 1, Lambda = 1, LearningRate = 1 };

        var model = GradientBoosting.Train(data, null, options);
        var tree = model.Trees.Single();

        Assert.Equal(0, tree.SplitFeature.Single());
        Assert.Equal(4.5, tree.Threshold.Single());
        Assert.Equal(19.6, tree.SplitGain.Single(), 12);
        Assert.Equal(0.6, model.Predict([4, 0]), 12);
        Assert.Equal(3.4, model.Predict([4.6, 0]), 12);
    }

    [Fact]
    public void Without_NaN_in_training_NaN_follows_the_side_with_more_rows()
    {
        // x <= 2.5 leaves two rows left and six right.
        var data = Datasets.Of(["x"], [[1], [2], [3], [4], [5], [6], [7], [8]], [0, 0, 5, 5, 5, 5, 5, 5]);

        var model = GradientBoosting.Train(data, null, new GbdtOptions { NumTrees = 1, NumLeaves = 2, MinDataInLeaf = 1, LearningRate = 1 });

        Assert.Equal(model.Predict([8]), model.Predict([double.NaN]), 12);
    }

    [Fact]
    public void NaN_rows_go_where_they_gain_most()
    {
        // Gradients 4 4 4 4 -4 -4 | -4 -4 (NaN): NaN right of x <= 4.5 gains 16²/4 + 16²/4 = 128, left only
        // 8²/6 + 8²/2 = 42.7. So NaN scores as the high leaf.
        var data = Datasets.Of(["x"], [[1], [2], [3], [4], [5], [6], [double.NaN], [double.NaN]], [0, 0, 0, 0, 8, 8, 8, 8]);

        var model = GradientBoosting.Train(data, null, new GbdtOptions { NumTrees = 1, NumLeaves = 2, MinDataInLeaf = 1, LearningRate = 1 });

        Assert.Equal(4.5, model.Trees.Single().Threshold.Single());
        Assert.Equal(8, model.Predict([double.NaN]), 12);
        Assert.Equal(0, model.Predict([4]), 12);
    }

    [Fact]
    public void NaN_can_be_learned_to_go_left()
    {
        var data = Datasets.Of(["x"], [[double.NaN], [double.NaN], [3], [4], [5], [6], [7], [8]], [0, 0, 0, 0, 8, 8, 8, 8]);

        var model = GradientBoosting.Train(data, null, new GbdtOptions { NumTrees = 1, NumLeaves = 2, MinDataInLeaf = 1, LearningRate = 1 });

        Assert.True(model.Trees.Single().DefaultLeft.Single());
        Assert.Equal(0, model.Predict([double.NaN]), 12);
    }

    [Fact]
    public void NaN_alone_can_be_split_from_every_value()
    {
        // Gradients 2 (six values) | -6 -6 (NaN): all values left, NaN right gains 12²/6 + 12²/2 = 96, more than any
        // cut between values (the best, after 5 values: 10²/5 + 10²/3 = 53.3). The threshold is +∞.
        var data = Datasets.Of(["x"], [[1], [2], [3], [4], [5], [6], [double.NaN], [double.NaN]], [0, 0, 0, 0, 0, 0, 8, 8]);

        var model = GradientBoosting.Train(data, null, new GbdtOptions { NumTrees = 1, NumLeaves = 2, MinDataInLeaf = 1, LearningRate = 1 });

        Assert.Equal(double.PositiveInfinity, model.Trees.Single().Threshold.Single());
        Assert.Equal(96, model.Trees.Single().SplitGain.Single(), 12);
        Assert.Equal(0, model.Predict([1e300]), 12);
        Assert.Equal(8, model.Predict([double.NaN]), 12);
    }

    [Fact]
    public void A_constant_feature_is_never_split_on()
    {
        var data = Datasets.Uniform(400, 2, seed: 3, (x, _) => x[1] > 0 ? 1 : -1);
        var constant = new Dataset(data.FeatureNames, [.. Enumerable.Range(0, data.Features.Length).Select(i => i % 2 == 0 ? 7.0 : data.Features[i])],
            data.Labels.ToArray(), data.Times.ToArray(), data.Symbols.ToArray());

        var model = GradientBoosting.Train(constant, null, GbdtOptions.Default with { NumTrees = 20, FeatureFraction = 0.5 });

        Assert.Equal(20, model.TreeCount);
        Assert.All(model.Trees, tree => Assert.All(tree.SplitFeature, feature => Assert.Equal(1, feature)));
    }

    [Fact]
    public void Features_that_cannot_split_leave_a_model_of_the_mean_label()
    {
        var data = Datasets.Of(["flat"], [.. Enumerable.Range(0, 50).Select(_ => (double[])[1.0])], [.. Enumerable.Range(0, 50).Select(i => (double)i)]);

        var model = GradientBoosting.Train(data, null, GbdtOptions.Default with { FeatureFraction = 0.5 });

        Assert.Equal(0, model.TreeCount);
        Assert.Equal(24.5, model.Predict([1]));
    }

    [Fact]
    public void Early_stopping_stops_and_keeps_the_best_iteration()
    {
        // Two hundred noisy rows and large fast trees: the validation loss turns up after a few trees.
        static double Noisy(double[] x, Random random) => x[0] + Datasets.Normal(random);
        var train = Datasets.Uniform(200, 3, seed: 4, Noisy);
        var validation = Datasets.Uniform(200, 3, seed: 5, Noisy);
        var options = new GbdtOptions { NumTrees = 300, NumLeaves = 31, MinDataInLeaf = 3, LearningRate = 0.5, EarlyStoppingRounds = 5 };

        var model = GradientBoosting.Train(train, validation, options);
        var history = model.History!;

        Assert.True(history.IterationsRun < 300);
        Assert.Equal(history.BestIteration + 5, history.IterationsRun);
        Assert.Equal(history.ValidationLoss.Min(), history.ValidationLoss[history.BestIteration - 1]);
        Assert.Equal(history.BestIteration, model.TreeCount);
        var loss = Enumerable.Range(0, validation.RowCount).Average(r => Math.Pow(model.Predict(validation.Row(r)) - validation.Labels[r], 2));
        Assert.Equal(history.ValidationLoss[history.BestIteration - 1], loss, 12);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_trees_bit_for_bit_even_when_trained_concurrently()
    {
        // 3000 rows x 30 features builds its larger leaves in parallel; subsampling makes the seed matter.
        var data = Datasets.Uniform(3000, 30, seed: 6, Signal);
        var options = new GbdtOptions { NumTrees = 30, FeatureFraction = 0.5, BaggingFraction = 0.7, BaggingFreq = 1, Seed = 11 };

        var twins = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => File(GradientBoosting.Train(data, null, options), data))));
        var other = File(GradientBoosting.Train(data, null, options with { Seed = 12 }), data);

        Assert.Equal(twins[0].ToJson(), twins[1].ToJson());
        Assert.Equal(twins[0].ContentHash, twins[1].ContentHash);
        Assert.NotEqual(twins[0].ContentHash, other.ContentHash);
    }

    [Fact]
    public void Compiled_trees_score_as_a_plain_walk_of_each_tree()
    {
        var data = Datasets.Uniform(2000, 6, seed: 7, (x, random) => Signal(x, random) + (double.IsNaN(x[5]) ? 1 : 0));
        var model = GradientBoosting.Train(WithNaN(data, every: 7), null, GbdtOptions.Default with { NumTrees = 21 });
        var random = new Random(8);

        for (var i = 0; i < 500; i++)
        {
            double[] row = [.. Enumerable.Range(0, 6).Select(_ => random.NextDouble() < 0.1 ? double.NaN : (2.4 * random.NextDouble()) - 1.2)];
            var expected = model.BaseScore;
            foreach (var tree in model.Trees)
                expected += Walk(tree, row);

            Assert.Equal(expected, model.Predict(row));
        }
    }

    [Fact]
    public void Too_few_rows_for_one_split_are_refused()
    {
        var data = Datasets.Uniform(39, 2, seed: 9, (x, _) => x[0]);

        var error = Assert.Throws<InvalidInputException>(() => GradientBoosting.Train(data, null, GbdtOptions.Default));

        Assert.Contains("at least 40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_a_label_is_refused_naming_its_symbol_and_date()
    {
        var data = Datasets.Uniform(100, 2, seed: 10, (x, _) => x[0]);
        var labels = data.Labels.ToArray();
        labels[2] = double.NaN;

        var error = Assert.Throws<InvalidInputException>(() => GradientBoosting.Train(
            new Dataset(data.FeatureNames, data.Features.ToArray(), labels, data.Times.ToArray(), data.Symbols.ToArray()), null, GbdtOptions.Default));

        Assert.Contains("AAA on 2024-01-04", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validation_set_with_other_features_is_refused()
    {
        var train = Datasets.Uniform(100, 2, seed: 11, (x, _) => x[0]);
        var validation = Datasets.Of(["f0", "other"], [[0, 0]], [0]);

        var error = Assert.Throws<InvalidInputException>(() => GradientBoosting.Train(train, validation, GbdtOptions.Default));

        Assert.Contains("column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_reported_together() =>
        Assert.Equal(
            ["num_leaves", "max_depth", "max_bins", "feature_fraction"],
            new GbdtOptions { NumLeaves = 1, MaxDepth = 0, MaxBins = 256, FeatureFraction = 0 }.Validate().Select(e => e.Field));

    [Fact]
    public void Max_depth_limits_every_path()
    {
        var data = Datasets.Uniform(2000, 4, seed: 12, Signal);

        var model = GradientBoosting.Train(data, null, GbdtOptions.Default with { NumTrees = 5, MaxDepth = 2 });

        // Depth 2 allows at most 3 splits; leaf-wise growth would make 62.
        Assert.All(model.Trees, tree => Assert.InRange(tree.NodeCount, 1, 3));
    }

    private static ModelArtifact File(GbdtModel model, Dataset data) =>
        ModelArtifact.Create("determinism", model, data, new Dictionary<string, string>());

    private static Dataset WithNaN(Dataset data, int every) =>
        new(data.FeatureNames, [.. Enumerable.Range(0, data.Features.Length).Select(i => i % every == 0 ? double.NaN : data.Features[i])],
            data.Labels.ToArray(), data.Times.ToArray(), data.Symbols.ToArray());

    /// <summary>The reference walk: left when the value is at most the threshold, NaN by the node's direction.</summary>
    private static double Walk(RegressionTree tree, double[] row)
    {
        if (tree.NodeCount == 0)
            return tree.LeafValue[0];
        var node = 0;
        while (true)
        {
            var value = row[tree.SplitFeature[node]];
            var left = double.IsNaN(value) ? tree.DefaultLeft[node] : value <= tree.Threshold[node];
            var child = left ? tree.LeftChild[node] : tree.RightChild[node];
            if (child < 0)
                return tree.LeafValue[~child];
            node = child;
        }
    }
}
