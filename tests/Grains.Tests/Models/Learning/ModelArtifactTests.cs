using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Tests.Models.Learning;

public sealed class ModelArtifactTests
{
    private static readonly Dataset s_train = Datasets.Uniform(1000, 4, seed: 21, (x, random) =>
        Math.Sin(3 * x[0]) + (x[1] * x[2]) + (0.1 * Datasets.Normal(random)));

    private static readonly GbdtOptions s_gbdtOptions = GbdtOptions.Default with { NumTrees = 30 };

    private static readonly ModelArtifact s_gbdt = ModelArtifact.Create(
        "alpha-gbdt", GradientBoosting.Train(s_train, null, s_gbdtOptions), s_train, s_gbdtOptions.ToParameters());

    private static readonly ModelArtifact s_ridge = ModelArtifact.Create(
        "alpha-ridge", RidgeRegression.Fit(s_train), s_train, RidgeOptions.Default.ToParameters());

    [Fact]
    public void Boosted_trees_score_every_row_identically_after_a_round_trip() =>
        AssertSameScores(s_gbdt, ModelArtifact.FromJson(s_gbdt.ToJson()));

    [Fact]
    public void Ridge_scores_every_row_identically_after_a_round_trip() =>
        AssertSameScores(s_ridge, ModelArtifact.FromJson(s_ridge.ToJson()));

    [Fact]
    public void An_infinite_threshold_survives_a_round_trip()
    {
        // All values left, NaN right: the threshold is +∞, written as "Infinity".
        var data = Datasets.Of(["x"], [[1], [2], [3], [4], [5], [6], [double.NaN], [double.NaN]], [0, 0, 0, 0, 0, 0, 8, 8]);
        var model = GradientBoosting.Train(data, null, new GbdtOptions { NumTrees = 1, NumLeaves = 2, MinDataInLeaf = 1, LearningRate = 1 });

        var read = ModelArtifact.FromJson(ModelArtifact.Create("nan", model, data, new Dictionary<string, string>()).ToJson()).CreatePredictor();

        Assert.Equal(model.Predict([double.NaN]), read.Predict([double.NaN]));
        Assert.Equal(model.Predict([1e300]), read.Predict([1e300]));
    }

    [Fact]
    public void The_file_describes_the_model_and_its_training()
    {
        var read = ModelArtifact.FromJson(s_gbdt.ToJson());

        Assert.Equal("alpha-gbdt", read.Name);
        Assert.Equal("gbdt", read.Kind);
        Assert.Equal(["f0", "f1", "f2", "f3"], read.Features);
        Assert.Equal("30", read.Parameters["num_trees"]);
        Assert.Equal(Datasets.FirstDay, read.TrainedFrom);
        Assert.Equal(Datasets.FirstDay.AddDays(999), read.TrainedTo);
        Assert.Equal(1000, read.TrainingRows);
        Assert.Equal(30, read.Metrics["iterations_run"]);
        Assert.StartsWith("Meridian.Grains ", read.CreatedBy, StringComparison.Ordinal);
        Assert.Equal(s_gbdt.ContentHash, read.ContentHash);
    }

    [Fact]
    public void The_hash_is_SHA_256_of_the_compact_file_without_it()
    {
        var file = JsonNode.Parse(s_ridge.ToJson())!.AsObject();
        Assert.Equal(
            ["format_version", "content_hash", "name", "kind", "features", "parameters", "training", "metrics", "created_by", "model"],
            file.Select(member => member.Key));

        Assert.Equal(s_ridge.ContentHash, CanonicalHash(file));
    }

    [Fact]
    public void A_modified_file_is_refused()
    {
        var json = s_gbdt.ToJson().Replace("\"name\": \"alpha-gbdt\"", "\"name\": \"alpha-gbdt-2\"", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(json));

        Assert.Contains("was modified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_added_later_change_the_hash_and_keep_the_model()
    {
        var evaluated = s_ridge.WithMetrics(new Dictionary<string, double> { ["ic"] = 0.05 });
        var read = ModelArtifact.FromJson(evaluated.ToJson());

        Assert.NotEqual(s_ridge.ContentHash, evaluated.ContentHash);
        Assert.Equal(0.05, read.Metrics["ic"]);
        Assert.Same(s_ridge.CreatePredictor(), evaluated.CreatePredictor());
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_refused() =>
        Assert.Throws<FormatException>(() => ModelArtifact.FromJson(s_ridge.ToJson()[..200]));

    [Fact]
    public void An_unknown_format_version_is_refused()
    {
        var file = JsonNode.Parse(s_ridge.ToJson())!.AsObject();
        file["format_version"] = 2;

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(file.ToJsonString()));

        Assert.Contains("format_version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        var file = JsonNode.Parse(s_ridge.ToJson())!.AsObject();
        file["kind"] = "forest";

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(Rehashed(file)));

        Assert.Contains("kind 'forest'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_missing_a_member_is_refused()
    {
        var file = JsonNode.Parse(s_ridge.ToJson())!.AsObject();
        file.Remove("training");

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(Rehashed(file)));

        Assert.Contains("training", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_splitting_on_a_feature_the_file_does_not_list_is_refused()
    {
        // Dropping the last feature from the list leaves splits on feature 3 pointing past it.
        var file = JsonNode.Parse(s_gbdt.ToJson())!.AsObject();
        file["features"]!.AsArray().RemoveAt(3);

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(Rehashed(file)));

        Assert.Matches("gbdt tree [0-9]+ does not fit its 3 features: node [0-9]+ splits on feature 3", error.Message);
    }

    [Fact]
    public void Ridge_weights_that_do_not_match_the_features_are_refused()
    {
        var file = JsonNode.Parse(s_ridge.ToJson())!.AsObject();
        file["model"]!["weights"]!.AsArray().RemoveAt(0);

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(Rehashed(file)));

        Assert.Contains("weights has 3 values for 4 features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_whose_children_loop_is_refused()
    {
        var file = JsonNode.Parse(s_gbdt.ToJson())!.AsObject();
        file["model"]!["trees"]![0]!["left_child"]![1] = 1;

        var error = Assert.Throws<FormatException>(() => ModelArtifact.FromJson(Rehashed(file)));

        Assert.Contains("gbdt tree 0 does not fit its 4 features: node 1 has child node 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_does_not_fit_its_training_data_is_refused() =>
        Assert.Throws<ArgumentException>(() => ModelArtifact.Create(
            "mismatch", RidgeRegression.Fit(s_train), Datasets.Of(["x"], [[1]], [1]), new Dictionary<string, string>()));

    private static void AssertSameScores(ModelArtifact written, ModelArtifact read)
    {
        var before = written.CreatePredictor();
        var after = read.CreatePredictor();
        for (var r = 0; r < s_train.RowCount; r++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(before.Predict(s_train.Row(r))), BitConverter.DoubleToInt64Bits(after.Predict(s_train.Row(r))));
        Assert.Equal(written.ContentHash, read.ContentHash);
    }

    /// <summary>The file with content_hash set as docs/models.md defines it, so that only the edit under test is wrong.</summary>
    private static string Rehashed(JsonObject file)
    {
        file["content_hash"] = CanonicalHash(file);
        return file.ToJsonString();
    }

    /// <summary>SHA-256 (lowercase hex) of the UTF-8 of the file's members but content_hash, in order, without whitespace.</summary>
    private static string CanonicalHash(JsonObject file)
    {
        var content = new JsonObject();
        foreach (var (name, value) in file)
        {
            if (name != "content_hash")
                content[name] = value?.DeepClone();
        }
        var text = content.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
