using System.Collections.Concurrent;
using Meridian.Grains.Models;
using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Meridian.Runtime.Introspection;

namespace Meridian.Gateway.Live;

/// <summary>
/// Reads what the live views show from the silo: portfolios through their grains, grain types and method statistics
/// through the introspection, the model registry and its Model grains. Each reading is independent; one that fails is left out.
/// </summary>
internal sealed class LiveReadings(IClusterClient grains, ISiloIntrospection introspection, TimeProvider time)
{
    /// <summary>How many of the latest equity points a portfolio event carries.</summary>
    public const int EquityCurvePoints = 500;

    private readonly ConcurrentDictionary<string, Type?> _classes = new(StringComparer.Ordinal);

    /// <summary>The string keys of the active Portfolio grains.</summary>
    public IReadOnlyList<string> ActivePortfolioIds()
    {
        var portfolioClass = typeof(PortfolioGrain).FullName;
        var type = introspection.GetGrainTypes().FirstOrDefault(t => t.ClassName == portfolioClass)?.GrainType;
        return type is null
            ? []
            : [.. introspection.GetActiveGrains(type, limit: 10_000)
                .Where(g => g.GrainId.Key.Kind == GrainKeyKind.String)
                .Select(g => g.GrainId.Key.StringValue)];
    }

    /// <summary>One portfolio now, or null when it was never opened.</summary>
    public async Task<LivePortfolio?> ReadPortfolioAsync(string portfolioId)
    {
        var portfolio = grains.GetGrain<IPortfolioGrain>(portfolioId);
        try
        {
            var account = await portfolio.GetAsync().ConfigureAwait(false);
            var limits = await portfolio.GetRiskLimitsAsync().ConfigureAwait(false);
            var curve = await portfolio.GetEquityCurveAsync().ConfigureAwait(false);
            return LivePortfolio.From(account, limits, curve, EquityCurvePoints);
        }
        catch (InvalidOperationException)
        {
            // Not opened: a grain with that key was activated by some call but holds no account.
            return null;
        }
    }

    /// <summary>Every grain type with the statistics of its interfaces' methods.</summary>
    public LiveGrains ReadGrains()
    {
        var methods = introspection.GetMethods();
        var types = introspection.GetGrainTypes()
            .Select(t =>
            {
                var interfaces = InterfaceNames(t.ClassName);
                var own = methods.Where(m => interfaces.Contains(InterfaceOf(m.Method))).ToList();
                var calls = own.Sum(m => m.Calls);
                var p50 = calls == 0 ? 0 : own.Sum(m => m.P50Microseconds * m.Calls) / calls;
                var p99 = own.Count == 0 ? 0 : own.Max(m => m.P99Microseconds);
                return new LiveGrainType(
                    t.GrainType,
                    t.ClassName,
                    t.Activations,
                    calls,
                    Math.Round(own.Sum(m => m.CallsPerSecond), 1),
                    Milliseconds(p50),
                    Milliseconds(p99),
                    own.Sum(m => m.Errors),
                    [.. own.Select(m => new LiveGrainMethod(
                        m.Method, m.Calls, Math.Round(m.CallsPerSecond, 1), m.Errors, Milliseconds(m.P50Microseconds), Milliseconds(m.P99Microseconds)))]);
            });
        return new([.. types], time.GetUtcNow());
    }

    /// <summary>The registry's models, with live IC for every model that has a champion.</summary>
    public async Task<LiveModels> ReadModelsAsync()
    {
        var versions = await grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key).ListAsync().ConfigureAwait(false);
        var models = new List<LiveModel>();
        foreach (var model in versions.GroupBy(v => v.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var champion = model.FirstOrDefault(v => v.Stage == ModelStage.Champion)?.Version;
            var status = champion is null ? null : await grains.GetGrain<IModelGrain>(model.Key).GetStatusAsync().ConfigureAwait(false);
            var live = status?.Versions.ToDictionary(v => v.Version) ?? [];
            models.Add(new LiveModel(
                model.Key,
                champion,
                [.. model.Where(v => v.Stage == ModelStage.Challenger).Select(v => v.Version).Order()],
                [.. model.OrderBy(v => v.Version).Select(v => Version(v, live.GetValueOrDefault(v.Version)))],
                status?.LastRound));
        }

        return new(models, time.GetUtcNow());
    }

    private static LiveModelVersion Version(ModelVersionInfo info, ModelVersionLive? live) => new(
        info.Version,
        info.Kind,
        info.Stage,
        info.RegisteredAt,
        info.TrainedFrom,
        info.TrainedTo,
        info.Metrics.Where(m => double.IsFinite(m.Value)).ToDictionary(m => m.Key, m => Math.Round(m.Value, 6), StringComparer.Ordinal),
        live?.Rounds,
        Finite(live?.MeanIc),
        Finite(live?.Icir),
        Finite(live?.MeanRankIc));

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;

    private static double Milliseconds(double microseconds) => Math.Round(microseconds / 1000, 3);

    /// <summary>"IPortfolioGrain.GetAsync" → "IPortfolioGrain".</summary>
    private static string InterfaceOf(string method)
    {
        var dot = method.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? method : method[..dot];
    }

    /// <summary>The names of the grain interfaces a grain class implements (methods are counted per interface).</summary>
    private HashSet<string> InterfaceNames(string className)
    {
        var type = _classes.GetOrAdd(className, name => AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is not null));
        return type is null
            ? []
            : [.. type.GetInterfaces().Where(i => typeof(IAddressable).IsAssignableFrom(i)).Select(i => i.Name)];
    }
}
