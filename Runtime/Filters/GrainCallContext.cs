using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Filters;

/// <summary>What incoming and outgoing call contexts share: the request and its typed result, boxed only for filters.</summary>
internal abstract class GrainCallContext<TResult>(GrainRequest<TResult> request) : IGrainCallContext
{
    private int _next;

    public TResult TypedResult { get; protected set; } = default!;

    public abstract GrainId TargetId { get; }

    public GrainMethod Method => request.Method;

    public GrainRequest Request => request;

    protected GrainRequest<TResult> TypedRequest => request;

    public object? Result
    {
        get => TypedResult;
        set => TypedResult = (TResult)value!;
    }

    /// <summary>Runs the next filter, or the call itself once every filter has run.</summary>
    public Task Invoke() => InvokeStep(_next++);

    protected abstract Task InvokeStep(int step);
}
