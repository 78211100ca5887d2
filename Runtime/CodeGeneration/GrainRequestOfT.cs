using Meridian.Runtime.Core;

namespace Meridian.Runtime.CodeGeneration;

/// <summary>A grain request whose method produces a <typeparamref name="TResult"/> (<see cref="VoidResult"/> for none).</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    private TaskCompletionSource<TResult>? _completion;
    private ActivationData? _activation;
    private ValueTask<TResult> _pending;
    private Action? _onPendingCompleted;

    /// <summary>Calls the method on <paramref name="grain"/> with this request's arguments.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object grain);

    /// <summary>The task the caller awaits; created when the request is sent.</summary>
    internal Task<TResult> CreateCallerTask()
    {
        // The caller's continuation must not run on the callee's thread, inside the callee's turn. A grain caller's
        // await posts to its own activation anyway, so this costs it nothing.
        _completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _completion.Task;
    }

    internal override bool HasCaller => _completion is not null;

    internal override void Execute(ActivationData activation)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = activation.HasIncomingFilters
                ? IncomingCallPipeline.InvokeAsync(activation, this)
                : InvokeAsync(activation.GrainInstance!);
        }
        catch (Exception exception)
        {
            pending = ValueTask.FromException<TResult>(exception);
        }

        Track(activation, pending);
    }

    /// <summary>Finishes the request when <paramref name="pending"/> completes, now or later.</summary>
    internal void Track(ActivationData activation, ValueTask<TResult> pending)
    {
        if (pending.IsCompleted)
        {
            Finish(activation, pending);
            return;
        }

        _activation = activation;
        _pending = pending;
        _onPendingCompleted ??= OnPendingCompleted;
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onPendingCompleted);
    }

    private void OnPendingCompleted()
    {
        var activation = _activation!;
        var pending = _pending;
        _activation = null;
        _pending = default;
        Finish(activation, pending);
    }

    private void Finish(ActivationData activation, ValueTask<TResult> completed)
    {
        TResult? result = default;
        Exception? error = null;
        try
        {
            result = completed.Result;
        }
        catch (Exception exception)
        {
            error = exception;
        }

        activation.CompleteRequest(this, error);
        OnFinished();
        if (error is null)
            Answer(result!);
        else
            AnswerError(error, activation);
    }

    private void Answer(TResult result)
    {
        if (_completion is null || !TryClaimCaller())
            return;
        using (ActivationScope.Leave())
            _completion.TrySetResult(result);
    }

    private void AnswerError(Exception error, ActivationData activation)
    {
        if (_completion is null)
        {
            activation.Runtime.Log.OneWayRequestFailed(Method.DisplayName, activation.GrainId, error);
            return;
        }

        if (!TryClaimCaller())
            return;
        using (ActivationScope.Leave())
            _completion.TrySetException(error);
    }

    /// <summary>Called once the request has run, on the activation's turn, just before the caller is answered.</summary>
    private protected virtual void OnFinished()
    {
    }

    internal override void FailCaller(Exception error)
    {
        if (_completion is null || !TryClaimCaller())
            return;
        using (ActivationScope.Leave())
            _completion.TrySetException(error);
    }
}
