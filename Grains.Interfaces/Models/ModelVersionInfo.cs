namespace Meridian.Grains.Models;

/// <summary>
/// One registered version of a model: what the model file says about itself (kind, features, training window,
/// metrics, content hash) and where it stands in the registry.
/// </summary>
public sealed record ModelVersionInfo(
    string Model,
    int Version,
    string Kind,
    IReadOnlyList<string> Features,
    string ContentHash,
    DateTimeOffset TrainedFrom,
    DateTimeOffset TrainedTo,
    IReadOnlyDictionary<string, double> Metrics,
    ModelStage Stage,
    DateTimeOffset RegisteredAt);

/// <summary>What a model serves now: its champion version (null when none was promoted) and its challengers.</summary>
public sealed record ModelServing(string Model, int? Champion, IReadOnlyList<int> Challengers);
