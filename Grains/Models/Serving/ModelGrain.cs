using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Models.Evaluation;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;
using Meridian.Grains.Models.Registry;
using Meridian.Runtime;

namespace Meridian.Grains.Models.Serving;

/// <summary>
/// Serves one model, keyed by its name. Bars go into a per-symbol history; each feature set a served version reads
/// is computed incrementally per symbol, started by replaying that history, so a promoted version with new features
/// scores at once. A round asks the registry what it serves once, at its start, and scores the whole universe with
/// that champion (and each challenger in shadow): a promotion takes effect at the next round and never within one.
/// Two slices after a round, its labels are known and every version's live IC is updated. The state is written
/// after every round and when the grain deactivates.
/// </summary>
public sealed class ModelGrain(
    [PersistentState("model", TradingStorage.Name)] IPersistentState<ModelGrainState> state) : Grain, IModelGrain
{
    /// <summary>Close-to-close returns the volatility handed out with each score is measured over.</summary>
    public const int VolatilityReturns = 20;

    private readonly Dictionary<int, ServedVersion> _versions = [];
    private readonly Dictionary<string, Dictionary<string, IncrementalFeatures>> _features = new(StringComparer.Ordinal);
    private bool _unwritten;

    private string Name => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _unwritten ? state.WriteStateAsync() : Task.CompletedTask;

    /// <inheritdoc />
    public Task ObserveAsync(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var taken = false;
        foreach (var bar in slice.Bars)
        {
            var history = History(bar.Symbol.Value);
            if (bar.Time.UtcTicks <= history.LastTime)
                continue;
            taken = true;
            double open = (double)bar.Open.Value, high = (double)bar.High.Value, low = (double)bar.Low.Value, close = (double)bar.Close.Value;
            var volume = (double)bar.Volume;
            history.Add(bar.Time.UtcTicks, open, high, low, close, volume);
            foreach (var perSymbol in _features.Values)
            {
                if (perSymbol.TryGetValue(bar.Symbol.Value, out var features))
                    features.Update(open, high, low, close, volume);
            }
        }
        if (taken && (state.State.LastSlice is not { } last || slice.Time > last))
        {
            state.State.Slices++;
            state.State.LastSlice = slice.Time;
            ResolveLabels();
        }
        _unwritten |= taken;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ModelSignals> ScoreAsync(DateTimeOffset time, IReadOnlyList<Symbol> universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        var serving = await GrainFactory.GetGrain<IModelRegistryGrain>(ModelRegistry.Key).GetServingAsync(Name);
        if (serving.Champion is not { } championVersion)
            throw new InvalidOperationException($"model '{Name}' has no champion: register a version and promote it");
        var champion = await ServedAsync(championVersion);
        var round = new ScoredRound { Time = time.UtcTicks, Slice = state.State.Slices };
        var championScores = round.Scores[championVersion] = Scores(champion, universe, time);
        var scores = new List<SymbolScore>(championScores.Count);
        foreach (var symbol in universe)
        {
            if (championScores.TryGetValue(symbol.Value, out var score))
                scores.Add(new SymbolScore(symbol, score, state.State.Bars[symbol.Value].Volatility(VolatilityReturns)));
        }
        foreach (var challengerVersion in serving.Challengers)
            round.Scores[challengerVersion] = Scores(await ServedAsync(challengerVersion), universe, time);
        state.State.Pending.Add(round);
        state.State.LastRound = time;
        foreach (var version in _versions.Keys.Where(v => v != championVersion && !serving.Challengers.Contains(v)).ToList())
            _versions.Remove(version);
        await state.WriteStateAsync();
        _unwritten = false;
        return new ModelSignals(Name, championVersion, time, scores);
    }

    /// <inheritdoc />
    public async Task<ModelLiveStatus> GetStatusAsync()
    {
        var registry = GrainFactory.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        var serving = await registry.GetServingAsync(Name);
        var versions = (await registry.ListAsync()).Where(v => v.Model == Name).ToList();
        var live = versions
            .Where(v => v.Stage is ModelStage.Champion or ModelStage.Challenger || state.State.Live.ContainsKey(v.Version))
            .Select(v => state.State.Live.TryGetValue(v.Version, out var f)
                ? new ModelVersionLive(v.Version, v.Stage, f.Rounds, f.MeanIc, f.Icir, f.MeanRankIc)
                : new ModelVersionLive(v.Version, v.Stage, 0, double.NaN, double.NaN, double.NaN))
            .ToList();
        return new ModelLiveStatus(Name, serving.Champion, live, state.State.LastRound);
    }

    /// <summary>The scores of <paramref name="version"/> for the symbols of <paramref name="universe"/> it can score, by symbol.</summary>
    private Dictionary<string, double> Scores(ServedVersion version, IReadOnlyList<Symbol> universe, DateTimeOffset time)
    {
        var scores = new Dictionary<string, double>(universe.Count);
        foreach (var symbol in universe)
        {
            if (Score(version, symbol.Value, time) is { } score)
                scores[symbol.Value] = score;
        }
        return scores;
    }

    private double? Score(ServedVersion version, string symbol, DateTimeOffset time)
    {
        // A bar opening at or after the round's time was not known at it.
        if (!state.State.Bars.TryGetValue(symbol, out var history) || history.Count == 0 || history.LastTime >= time.UtcTicks)
            return null;
        var features = Features(version.Features, symbol, history);
        if (!features.IsWarm)
            return null;
        var score = version.Predictor.Predict(features.Values);
        return double.IsFinite(score) ? score : null;
    }

    private IncrementalFeatures Features(FeatureSet set, string symbol, BarHistory history)
    {
        var key = string.Join(',', set.Names);
        if (!_features.TryGetValue(key, out var perSymbol))
            _features[key] = perSymbol = new Dictionary<string, IncrementalFeatures>(StringComparer.Ordinal);
        if (perSymbol.TryGetValue(symbol, out var features))
            return features;
        features = new IncrementalFeatures(set);
        for (var age = history.Count - 1; age >= 0; age--)
        {
            var slot = history.Slot(age);
            features.Update(history.Open[slot], history.High[slot], history.Low[slot], history.Close[slot], history.Volume[slot]);
        }
        return perSymbol[symbol] = features;
    }

    private async Task<ServedVersion> ServedAsync(int version)
    {
        if (_versions.TryGetValue(version, out var served))
            return served;
        var json = await GrainFactory.GetGrain<IModelArtifactGrain>(ModelArtifactGrain.Key(Name, version)).GetAsync()
            ?? throw new InvalidOperationException($"model '{Name}' version {version} has no file in the registry");
        var artifact = ModelArtifact.FromJson(json);
        var set = FeatureSet.TryResolve(artifact.Features, out var problem)
            ?? throw new InvalidOperationException($"model '{Name}' version {version} cannot be served: {problem}");
        return _versions[version] = new ServedVersion(set, artifact.CreatePredictor());
    }

    private BarHistory History(string symbol)
    {
        if (!state.State.Bars.TryGetValue(symbol, out var history))
            state.State.Bars[symbol] = history = new BarHistory();
        return history;
    }

    /// <summary>Scores every round two slices old against the labels now known, per version.</summary>
    private void ResolveLabels()
    {
        while (state.State.Pending.Count > 0 && state.State.Slices - state.State.Pending[0].Slice >= 2)
        {
            var round = state.State.Pending[0];
            state.State.Pending.RemoveAt(0);
            var time = new DateTimeOffset(round.Time, TimeSpan.Zero);
            foreach (var (version, scores) in round.Scores)
            {
                var labelled = new List<SignalScore>(scores.Count);
                foreach (var (symbol, score) in scores)
                {
                    if (state.State.Bars[symbol].ForwardReturn(round.Time) is { } label)
                        labelled.Add(new SignalScore(time, Symbol.Parse(symbol), score, label));
                }
                var report = SignalEvaluation.Evaluate(labelled, minimumSymbols: 3);
                if (report.Daily.Count == 1 && double.IsFinite(report.Daily[0].Ic) && double.IsFinite(report.Daily[0].RankIc))
                {
                    if (!state.State.Live.TryGetValue(version, out var figures))
                        state.State.Live[version] = figures = new LiveFigures();
                    figures.Add(report.Daily[0].Ic, report.Daily[0].RankIc);
                }
            }
        }
    }

    private sealed record ServedVersion(FeatureSet Features, IPredictor Predictor);
}
