using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// A model file as written (docs/models.md, "Model files"): the members in this order, <see cref="Model"/> holding the
/// kind's body (<see cref="RidgeCoefficients"/> or <see cref="GbdtBody"/>).
/// </summary>
internal sealed record ModelFile(
    int FormatVersion,
    string? ContentHash,
    string Name,
    string Kind,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, string> Parameters,
    TrainingWindow Training,
    IReadOnlyDictionary<string, double> Metrics,
    string CreatedBy,
    JsonElement Model);

/// <summary>The first and last row time of the training data, and its row count.</summary>
internal sealed record TrainingWindow(DateTimeOffset From, DateTimeOffset To, int Rows);

/// <summary>A boosted-trees model file's body: the base score and the trees, in order.</summary>
internal sealed record GbdtBody(double BaseScore, IReadOnlyList<RegressionTree> Trees);

/// <summary>
/// The model file's JSON: snake_case names, every member required, unknown members refused, NaN and infinities as the
/// strings "NaN", "Infinity" and "-Infinity".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ModelFile))]
[JsonSerializable(typeof(GbdtBody))]
[JsonSerializable(typeof(RidgeCoefficients))]
internal sealed partial class ModelFileJson : JsonSerializerContext;
