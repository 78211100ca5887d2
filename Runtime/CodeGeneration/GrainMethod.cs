namespace Meridian.Runtime.CodeGeneration;

/// <summary>How the runtime may schedule a grain method, from the attributes on the interface method.</summary>
[Flags]
public enum GrainMethodOptions
{
    /// <summary>An ordinary request: waits for the activation unless the grain is reentrant.</summary>
    None = 0,

    /// <summary><see cref="Concurrency.ReadOnlyAttribute"/>: interleaves with other read-only requests.</summary>
    ReadOnly = 1,

    /// <summary><see cref="Concurrency.AlwaysInterleaveAttribute"/>: admitted at any time.</summary>
    AlwaysInterleave = 2,

    /// <summary><see cref="Concurrency.OneWayAttribute"/>: the caller does not wait.</summary>
    OneWay = 4,

    /// <summary>A timer tick that does not count as activity for idle collection.</summary>
    NoKeepAlive = 8,
}

/// <summary>
/// Static description of one grain interface method, created once per method by generated code. Its
/// <see cref="Id"/> indexes the per-method call statistics.
/// </summary>
public sealed class GrainMethod
{
    private static int s_nextId;

    /// <summary>Describes <paramref name="interfaceType"/>.<paramref name="name"/>.</summary>
    public GrainMethod(Type interfaceType, string name, GrainMethodOptions options)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(name);
        InterfaceType = interfaceType;
        Name = name;
        Options = options;
        DisplayName = interfaceType.Name + "." + name;
        Id = Interlocked.Increment(ref s_nextId) - 1;
    }

    /// <summary>The grain interface that declares the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The method's name.</summary>
    public string Name { get; }

    /// <summary>Scheduling options from the method's attributes.</summary>
    public GrainMethodOptions Options { get; }

    /// <summary><c>IInterface.Method</c>, for errors, logs and statistics.</summary>
    public string DisplayName { get; }

    /// <summary>A small dense number, unique in the process.</summary>
    public int Id { get; }

    internal bool IsReadOnly => (Options & GrainMethodOptions.ReadOnly) != 0;

    internal bool IsAlwaysInterleave => (Options & GrainMethodOptions.AlwaysInterleave) != 0;

    internal bool IsOneWay => (Options & GrainMethodOptions.OneWay) != 0;

    internal bool KeepsAlive => (Options & GrainMethodOptions.NoKeepAlive) == 0;

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
