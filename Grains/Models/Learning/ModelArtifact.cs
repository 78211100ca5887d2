namespace Meridian.Grains.Models.Learning;

/// <summary>
/// A trained model as a self-describing, versioned file: its kind, the features it reads (in order), its training
/// parameters, training window, metrics and a content hash over all of it. CONTRACT SKELETON: implemented by the
/// learning work, which may add members but keeps these.
/// </summary>
public sealed class ModelArtifact
{
    private ModelArtifact() { }

    /// <summary>The model's name (e.g. "alpha158-gbdt").</summary>
    public string Name => throw new NotImplementedException();

    /// <summary>"ridge" or "gbdt".</summary>
    public string Kind => throw new NotImplementedException();

    /// <summary>The features a row must hold, in order.</summary>
    public IReadOnlyList<string> Features => throw new NotImplementedException();

    /// <summary>The training parameters, as written.</summary>
    public IReadOnlyDictionary<string, string> Parameters => throw new NotImplementedException();

    /// <summary>First and last row time of the training data, and its row count.</summary>
    public DateTimeOffset TrainedFrom => throw new NotImplementedException();

    /// <inheritdoc cref="TrainedFrom"/>
    public DateTimeOffset TrainedTo => throw new NotImplementedException();

    /// <inheritdoc cref="TrainedFrom"/>
    public int TrainingRows => throw new NotImplementedException();

    /// <summary>Evaluation metrics by name (e.g. ic, rank_ic, icir).</summary>
    public IReadOnlyDictionary<string, double> Metrics => throw new NotImplementedException();

    /// <summary>SHA-256 (lowercase hex) of the file's canonical content without this field.</summary>
    public string ContentHash => throw new NotImplementedException();

    /// <summary>The model, ready to score rows.</summary>
    public IPredictor CreatePredictor() => throw new NotImplementedException();

    /// <summary>A copy with <paramref name="metrics"/> added (the hash changes).</summary>
    public ModelArtifact WithMetrics(IReadOnlyDictionary<string, double> metrics) => throw new NotImplementedException();

    /// <summary>The file's text (JSON).</summary>
    public string ToJson() => throw new NotImplementedException();

    /// <summary>Reads a file's text; a malformed file, an unknown format version or a hash that does not match throws <see cref="FormatException"/> saying what and where.</summary>
    public static ModelArtifact FromJson(string json) => throw new NotImplementedException();

    /// <summary>Wraps a trained ridge model.</summary>
    public static ModelArtifact Create(string name, RidgeModel model, Dataset training, IReadOnlyDictionary<string, string> parameters) => throw new NotImplementedException();

    /// <summary>Wraps a trained boosted-trees model.</summary>
    public static ModelArtifact Create(string name, GbdtModel model, Dataset training, IReadOnlyDictionary<string, string> parameters) => throw new NotImplementedException();
}
