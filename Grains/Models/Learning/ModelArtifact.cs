using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// A trained model as a self-describing, versioned file: its kind, the features it reads (in order), its training
/// parameters, training window, metrics and a content hash over all of it (docs/models.md, "Model files").
/// </summary>
public sealed class ModelArtifact
{
    /// <summary>The file format this version writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The kind of a ridge regression model.</summary>
    public const string RidgeKind = "ridge";

    /// <summary>The kind of a boosted-trees model.</summary>
    public const string GbdtKind = "gbdt";

    // Only quotes, backslashes and control characters are escaped, so times read "+00:00", not "\u002B00:00".
    private static readonly JsonSerializerOptions s_compact = new(ModelFileJson.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions s_indented = new(s_compact) { WriteIndented = true };

    private static readonly string s_createdBy =
        $"Meridian.Grains {typeof(ModelArtifact).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown"}";

    private readonly ModelFile _file;
    private readonly IPredictor _model;

    private ModelArtifact(ModelFile file, IPredictor model)
    {
        _file = file;
        _model = model;
    }

    /// <summary>The model's name (e.g. "alpha158-gbdt").</summary>
    public string Name => _file.Name;

    /// <summary>"ridge" or "gbdt".</summary>
    public string Kind => _file.Kind;

    /// <summary>The features a row must hold, in order.</summary>
    public IReadOnlyList<string> Features => _file.Features;

    /// <summary>The training parameters, as written.</summary>
    public IReadOnlyDictionary<string, string> Parameters => _file.Parameters;

    /// <summary>First and last row time of the training data, and its row count.</summary>
    public DateTimeOffset TrainedFrom => _file.Training.From;

    /// <inheritdoc cref="TrainedFrom"/>
    public DateTimeOffset TrainedTo => _file.Training.To;

    /// <inheritdoc cref="TrainedFrom"/>
    public int TrainingRows => _file.Training.Rows;

    /// <summary>Evaluation metrics by name (e.g. ic, rank_ic, icir).</summary>
    public IReadOnlyDictionary<string, double> Metrics => _file.Metrics;

    /// <summary>The library and version that wrote the file ("Meridian.Grains 1.0.0+...").</summary>
    public string CreatedBy => _file.CreatedBy;

    /// <summary>SHA-256 (lowercase hex) of the file's canonical content without this field.</summary>
    public string ContentHash => _file.ContentHash!;

    /// <summary>The model, ready to score rows (the same instance each time: models are immutable and thread-safe).</summary>
    public IPredictor CreatePredictor() => _model;

    /// <summary>A copy with <paramref name="metrics"/> added (the hash changes); a metric already there takes the new value.</summary>
    public ModelArtifact WithMetrics(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var merged = new SortedDictionary<string, double>(_file.Metrics.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, value) in metrics)
            merged[name] = value;
        return new ModelArtifact(Sealed(_file with { Metrics = merged }), _model);
    }

    /// <summary>The file's text (JSON).</summary>
    public string ToJson() => JsonSerializer.Serialize(_file, Info<ModelFile>(s_indented));

    /// <summary>
    /// Reads a file's text; a malformed file, an unknown format version or kind, a hash that does not match (the file
    /// was modified) or a body that does not fit its features throws <see cref="FormatException"/> saying what and where.
    /// </summary>
    public static ModelArtifact FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        var file = Read(document.RootElement, Info<ModelFile>(s_compact), "model file");
        if (file.Kind is not (RidgeKind or GbdtKind))
            throw new FormatException($"model file '{file.Name}' has kind '{file.Kind}'; the kinds are '{RidgeKind}' and '{GbdtKind}'");
        var actual = Hash(document.RootElement);
        if (file.ContentHash != actual)
        {
            throw new FormatException(
                $"model file '{file.Name}' was modified: its content hashes to {actual}, but its content_hash says {file.ContentHash ?? "nothing"}");
        }
        if (file.Features.Count == 0 || file.Features.Any(string.IsNullOrWhiteSpace) || file.Features.Distinct(StringComparer.Ordinal).Count() != file.Features.Count)
            throw new FormatException($"model file '{file.Name}': features must be one or more distinct, non-empty names");
        if (file.Training.Rows < 1 || file.Training.From > file.Training.To)
            throw new FormatException($"model file '{file.Name}': training must have rows and a from no later than its to");
        return new ModelArtifact(file, ModelOf(file));
    }

    /// <summary>Wraps a trained ridge model.</summary>
    public static ModelArtifact Create(string name, RidgeModel model, Dataset training, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = JsonSerializer.SerializeToElement(model.Coefficients, Info<RidgeCoefficients>(s_compact));
        return Create(name, RidgeKind, model, body, training, parameters, new Dictionary<string, double>());
    }

    /// <summary>Wraps a trained boosted-trees model; its metrics hold iterations_run and, when it had a validation set, validation_l2 (at the kept trees).</summary>
    public static ModelArtifact Create(string name, GbdtModel model, Dataset training, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = JsonSerializer.SerializeToElement(new GbdtBody(model.BaseScore, model.Trees), Info<GbdtBody>(s_compact));
        var metrics = new Dictionary<string, double>();
        if (model.History is { } history)
        {
            metrics["iterations_run"] = history.IterationsRun;
            if (history.ValidationLoss.Count > 0)
                metrics["validation_l2"] = history.ValidationLoss[history.BestIteration - 1];
        }
        return Create(name, GbdtKind, model, body, training, parameters, metrics);
    }

    private static ModelArtifact Create(
        string name, string kind, IPredictor model, JsonElement body, Dataset training, IReadOnlyDictionary<string, string> parameters, Dictionary<string, double> metrics)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(parameters);
        if (model.FeatureCount != training.FeatureCount)
            throw new ArgumentException($"the model reads {model.FeatureCount} features but the training data has {training.FeatureCount}", nameof(training));
        if (training.RowCount == 0)
            throw new ArgumentException("the training data has no rows", nameof(training));
        var times = training.Times;
        var window = new TrainingWindow(Min(times), Max(times), training.RowCount);
        var file = new ModelFile(
            CurrentFormatVersion, null, name, kind, [.. training.FeatureNames],
            new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal), window,
            new SortedDictionary<string, double>(metrics, StringComparer.Ordinal), s_createdBy, body);
        return new ModelArtifact(Sealed(file), model);
    }

    private static IPredictor ModelOf(ModelFile file)
    {
        var features = file.Features.Count;
        if (file.Kind == RidgeKind)
        {
            var coefficients = Read(file.Model, Info<RidgeCoefficients>(s_compact), $"model file '{file.Name}': the ridge body");
            return coefficients.Problem(features) is { } problem
                ? throw new FormatException($"model file '{file.Name}': the ridge body does not fit its {features} features: {problem}")
                : new RidgeModel(coefficients);
        }
        var body = Read(file.Model, Info<GbdtBody>(s_compact), $"model file '{file.Name}': the gbdt body");
        if (!double.IsFinite(body.BaseScore))
            throw new FormatException($"model file '{file.Name}': the gbdt base_score is {body.BaseScore}; it must be finite");
        for (var t = 0; t < body.Trees.Count; t++)
        {
            if (body.Trees[t].Problem(features) is { } problem)
                throw new FormatException($"model file '{file.Name}': gbdt tree {t} does not fit its {features} features: {problem}");
        }
        return new GbdtModel(features, body.BaseScore, body.Trees, history: null);
    }

    /// <summary>The file with its content hash set.</summary>
    private static ModelFile Sealed(ModelFile file)
    {
        var unsealed = file with { ContentHash = null };
        return unsealed with { ContentHash = Hash(JsonSerializer.SerializeToElement(unsealed, Info<ModelFile>(s_compact))) };
    }

    /// <summary>
    /// SHA-256 of the canonical content: the file's top-level members but content_hash, in the file's order, written
    /// compactly (no whitespace, numbers as written, only quotes, backslashes and control characters escaped), as UTF-8.
    /// </summary>
    private static string Hash(JsonElement file)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_compact.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var member in file.EnumerateObject().Where(m => m.Name != "content_hash"))
                member.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static JsonDocument Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"model file is not JSON: {e.Message}", e);
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException($"model file is a JSON {root.ValueKind}, not an object");
        }
        // The version is checked before anything else: a later format may have members this one does not know.
        var version = root.TryGetProperty("format_version", out var value) && value.TryGetInt32(out var number) ? number : (int?)null;
        if (version != CurrentFormatVersion)
        {
            document.Dispose();
            throw new FormatException(version is null
                ? "model file has no format_version (a whole number)"
                : string.Create(CultureInfo.InvariantCulture, $"model file has format_version {version}; this version of Meridian reads format_version {CurrentFormatVersion}"));
        }
        return document;
    }

    private static T Read<T>(JsonElement element, JsonTypeInfo<T> info, string what)
    {
        try
        {
            return element.Deserialize(info) ?? throw new FormatException($"{what} is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what} is malformed: {e.Message}", e);
        }
    }

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static DateTimeOffset Min(ReadOnlySpan<DateTimeOffset> times)
    {
        var min = times[0];
        foreach (var t in times)
            min = t < min ? t : min;
        return min;
    }

    private static DateTimeOffset Max(ReadOnlySpan<DateTimeOffset> times)
    {
        var max = times[0];
        foreach (var t in times)
            max = t > max ? t : max;
        return max;
    }
}
