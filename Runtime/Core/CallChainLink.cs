namespace Meridian.Runtime.Core;

/// <summary>
/// One step of a call chain: "this call was made by the request with <see cref="Token"/> running in
/// <see cref="Activation"/>, which was itself called by <see cref="Parent"/>". Used to fail a call cycle among
/// non-reentrant grains at once instead of after the request timeout.
/// </summary>
internal sealed class CallChainLink(ActivationData activation, long token, CallChainLink? parent)
{
    /// <summary>Token of a link made while several requests ran in the caller: no request can be named.</summary>
    public const long Ambiguous = -1;

    public ActivationData Activation { get; } = activation;

    public long Token { get; } = token;

    public CallChainLink? Parent { get; } = parent;

    /// <summary>The number of links after this one.</summary>
    public int Depth { get; } = parent is null ? 0 : parent.Depth + 1;
}
