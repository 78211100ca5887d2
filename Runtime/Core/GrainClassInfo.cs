using System.Reflection;
using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Concurrency;
using Meridian.Runtime.Filters;
using Meridian.Runtime.Streams;

namespace Meridian.Runtime.Core;

/// <summary>What the runtime knows of a grain class: its grain type, factory and scheduling attributes.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType, Func<IServiceProvider, IGrainActivationContext, object> factory)
    {
        ClassType = classType;
        Factory = factory;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultGrainType(classType);
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        StatelessWorkerMax = classType.GetCustomAttribute<StatelessWorkerAttribute>()?.MaxLocalWorkers ?? 0;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Age;
        IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        ImplicitSubscriptions = [.. classType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>()];
        PersistentStates = [.. classType.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
            .OfType<PersistentStateAttribute>()
            .Distinct()];
        Interfaces = [.. classType.GetInterfaces().Where(GrainInterfaceInfo.IsGrainInterface)];
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public Func<IServiceProvider, IGrainActivationContext, object> Factory { get; }

    public bool IsReentrant { get; }

    /// <summary>The most local activations per id for a [StatelessWorker] class; 0 for ordinary grains.</summary>
    public int StatelessWorkerMax { get; }

    public bool IsStatelessWorker => StatelessWorkerMax > 0;

    public TimeSpan? CollectionAge { get; }

    public bool IsIncomingFilter { get; }

    public IReadOnlyList<ImplicitStreamSubscriptionAttribute> ImplicitSubscriptions { get; }

    public IReadOnlyList<PersistentStateAttribute> PersistentStates { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    public object Create(IServiceProvider services, IGrainActivationContext context) => Factory(services, context);

    /// <summary>Orleans' convention: the class name, lower-case, without a trailing "Grain".</summary>
    private static string DefaultGrainType(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
            name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }

    public override string ToString() => $"{ClassType.FullName} ({GrainType})";
}
