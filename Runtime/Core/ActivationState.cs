using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>The life of an activation: created, activating, valid (serving requests), deactivating, gone.</summary>
internal enum ActivationState
{
    Activating,
    Valid,
    Deactivating,
    Invalid,
}

/// <summary>A request admitted into an activation and not yet finished.</summary>
internal readonly record struct RunningRequest(long Token, CallChainLink? Caller, bool IsReadOnly, GrainRequest? Request);
