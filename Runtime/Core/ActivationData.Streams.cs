namespace Meridian.Runtime.Core;

/// <summary>The stream observers attached to this activation, by subscription handle; touched only on the activation's turn.</summary>
internal sealed partial class ActivationData
{
    private Dictionary<Guid, object>? _streamObservers;

    public void AttachStreamObserver(Guid handleId, object observer) => (_streamObservers ??= [])[handleId] = observer;

    public void DetachStreamObserver(Guid handleId) => _streamObservers?.Remove(handleId);

    public object? FindStreamObserver(Guid handleId) => _streamObservers?.GetValueOrDefault(handleId);
}
