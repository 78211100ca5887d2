using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Filters;

/// <summary>What a call filter sees of a grain call.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain being called.</summary>
    GrainId TargetId { get; }

    /// <summary>The called interface method.</summary>
    GrainMethod Method { get; }

    /// <summary>The request, with its arguments.</summary>
    GrainRequest Request { get; }

    /// <summary>The call's result once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the rest of the pipeline: the next filter, or the call itself.</summary>
    Task Invoke();
}

/// <summary>A call arriving at a grain, seen on the grain's turn.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance.</summary>
    object Grain { get; }
}

/// <summary>A call leaving for a grain, seen on the caller's side.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The reference the call goes through.</summary>
    GrainReference Grain { get; }
}

/// <summary>Runs around every call arriving at a grain. Register with the silo builder, or implement on a grain class for its own calls.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles the call; call <c>context.Invoke()</c> to let it through.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>Runs around every call a grain or a client makes. Register with the silo builder.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Handles the call; call <c>context.Invoke()</c> to let it through.</summary>
    Task Invoke(IOutgoingGrainCallContext context);
}
