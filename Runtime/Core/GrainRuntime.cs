using System.Runtime.CompilerServices;
using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Filters;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Introspection;
using Meridian.Runtime.Storage;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Runtime.Core;

/// <summary>
/// The heart of a silo: grain types, the activation directory, and the two ways a call reaches a grain
/// (inline on the caller's thread, or through the activation's queue).
/// </summary>
internal sealed partial class GrainRuntime : IClusterClient, IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private GrainTypeRegistry? _registry;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<SiloOptions> siloOptions,
        IOptions<GrainCollectionOptions> collectionOptions,
        TimeProvider clock,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Options = siloOptions.Value;
        Clock = clock;
        WorkTracker = (clock as SimulatedClock)?.Work;
        Log = new RuntimeLog(logger);
        Directory = new ActivationDirectory(this);
        Collector = new IdleCollector(this, collectionOptions.Value);
        Statistics = new CallStatistics();
        Filters = new CallFilters(services);
        TimeoutSweeper = new RequestTimeoutSweeper(this);
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public TimeProvider Clock { get; }

    /// <summary>Counts outstanding work when the clock is simulated, so a backtest can run until idle; null otherwise.</summary>
    public WorkTracker? WorkTracker { get; }

    public RuntimeLog Log { get; }

    public ActivationDirectory Directory { get; }

    public IdleCollector Collector { get; }

    public CallStatistics Statistics { get; }

    public CallFilters Filters { get; }

    private RequestTimeoutSweeper TimeoutSweeper { get; }

    public CancellationToken ShutdownToken => _shutdown.Token;

    public GrainTypeRegistry Registry => _registry ?? throw new InvalidOperationException("the silo has not been started");

    /// <summary>Loads the grain types and checks the configuration; every problem is reported at once.</summary>
    public void Start()
    {
        var problems = new List<string>();
        _registry = GrainTypeRegistry.Build(GrainAssemblyDiscovery.Find(Options.GrainAssemblies), problems);
        new SiloValidator(this).Validate(problems);
        if (problems.Count > 0)
            throw new SiloConfigurationException(problems);
        Collector.Start();
        TimeoutSweeper.Start();
        Log.SiloStarted(Registry.Classes.Count);
    }

    /// <summary>True once the silo has begun to stop: no activation is created any more.</summary>
    public bool IsStopping { get; private set; }

    /// <summary>
    /// Deactivates every activation once its running requests finish (OnDeactivateAsync runs). Activations still
    /// busy after <see cref="GrainCollectionOptions.DeactivationTimeout"/> get a cancelled token and are retired
    /// anyway. No activation is created meanwhile.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsStopping = true;
        Collector.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is stopping");
        var activations = Directory.All().ToList();
        foreach (var activation in activations)
            activation.RequestDeactivation(reason);

        var allGone = Task.WhenAll(activations.Select(a => a.Gone));
        var first = await Task.WhenAny(allGone, Task.Delay(Collector.DeactivationTimeout, cancellationToken)).ConfigureAwait(false);
        if (first != allGone)
        {
            await _shutdown.CancelAsync().ConfigureAwait(false);
            foreach (var activation in activations)
                activation.ForceDeactivation();
        }

        await allGone.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        TimeoutSweeper.Dispose();
    }

    public void Dispose()
    {
        Collector.Dispose();
        TimeoutSweeper.Dispose();
        Statistics.Dispose();
        _shutdown.Dispose();
    }

    public IGrainStorage GetStorage(string name, GrainClassInfo grainClass) =>
        Services.GetKeyedService<IGrainStorage>(name)
        ?? throw new InvalidOperationException($"grain class {grainClass.ClassType.Name} uses storage '{name}', which is not registered");

    public IStreamProvider GetStreamProvider(string name) =>
        Services.GetKeyedService<IStreamProvider>(name)
        ?? throw new KeyNotFoundException($"no stream provider is registered under the name '{name}'");

    /// <summary>The fast path: run the call on the caller's thread when the activation is idle.</summary>
    public bool TryEnterInline(GrainReference reference, GrainMethod method, out InlineTurn turn)
    {
        turn = default;

        // Each inline hop nests on the caller's stack: a deep chain of grain calls continues through the queues.
        if (method.IsOneWay || Filters.HasOutgoing || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            return false;

        // A stateless worker call runs inline only on an idle worker; picking one otherwise may create a worker.
        var activation = reference.Shared.GrainClass.IsStatelessWorker
            ? Directory.FindIdleWorker(reference.GrainId)
            : FindActivation(reference);
        if (activation is null || activation.HasIncomingFilters)
            return false;

        var callerContext = SynchronizationContext.Current;
        var caller = (callerContext as ActivationSynchronizationContext)?.Activation.CreateOutgoingLink();
        if (!activation.TryEnterInline(method, caller, out var token))
            return false;

        SynchronizationContext.SetSynchronizationContext(activation.SyncContext);
        turn = new InlineTurn(activation, method, token, caller, callerContext);
        return true;
    }

    public Task<TResult> SendAsync<TResult>(GrainReference reference, GrainRequest<TResult> request)
    {
        var callerActivation = ActivationScope.Current;
        request.Caller = callerActivation?.CreateOutgoingLink();
        request.StartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        var task = request.CreateCallerTask();
        if (Filters.HasOutgoing)
            return OutgoingCallPipeline.InvokeAsync(this, reference, request, task);
        Dispatch(reference, request);
        return task;
    }

    public void SendOneWay<TResult>(GrainReference reference, GrainRequest<TResult> request)
    {
        request.StartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        if (Filters.HasOutgoing)
        {
            var task = request.CreateCallerTask();
            _ = OutgoingCallPipeline.InvokeAsync(this, reference, request, task);
            return;
        }

        Dispatch(reference, request);
    }

    /// <summary>Puts the request on its activation's queue, creating the activation when there is none.</summary>
    public void Dispatch(GrainReference reference, GrainRequest request)
    {
        if (reference.CachedActivation is { } cached && cached.Enqueue(request))
            return;
        var grainClass = reference.Shared.GrainClass;
        var activation = Directory.Route(reference.GrainId, grainClass, request);
        reference.CachedActivation = grainClass.IsStatelessWorker ? null : activation;
    }

    /// <summary>Sends a request that waited on a deactivated activation to the grain's next activation.</summary>
    public void Redispatch(GrainId grainId, GrainClassInfo grainClass, GrainRequest request) => _ = Directory.Route(grainId, grainClass, request);

    /// <summary>The grain's current activation, if it has one; the inline path never creates activations.</summary>
    private ActivationData? FindActivation(GrainReference reference)
    {
        var cached = reference.CachedActivation;
        if (cached is not null && cached.State != ActivationState.Invalid)
            return cached;
        var activation = Directory.Find(reference.GrainId);
        reference.CachedActivation = activation;
        return activation;
    }
}
