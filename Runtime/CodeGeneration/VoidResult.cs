namespace Meridian.Runtime.CodeGeneration;

/// <summary>The result of a grain method that returns no value, so that one generic code path serves all methods.</summary>
public readonly struct VoidResult : IEquatable<VoidResult>
{
    /// <summary>Adapts a <see cref="Task"/> without allocating when it has already completed successfully.</summary>
    public static ValueTask<VoidResult> From(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : Await(task);
    }

    /// <summary>Adapts a <see cref="ValueTask"/> without allocating when it has already completed successfully.</summary>
    public static ValueTask<VoidResult> From(ValueTask task) => task.IsCompletedSuccessfully ? default : Await(task);

    private static async ValueTask<VoidResult> Await(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }

    private static async ValueTask<VoidResult> Await(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return default;
    }

    /// <inheritdoc />
    public bool Equals(VoidResult other) => true;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoidResult;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    /// <summary>All void results are equal.</summary>
    public static bool operator ==(VoidResult left, VoidResult right) => true;

    /// <summary>All void results are equal.</summary>
    public static bool operator !=(VoidResult left, VoidResult right) => false;
}
