using System.Diagnostics;
using Meridian.Runtime.Core;

namespace Meridian.Runtime.CodeGeneration;

/// <summary>
/// A grain call running on the caller's thread because its activation was idle. The generated proxy calls
/// the grain method directly and hands the returned task to <c>Complete</c>, which ends the turn when the
/// task has already completed (the common case: no allocation, no queue) or tracks it otherwise.
/// </summary>
public readonly struct InlineTurn
{
    private readonly ActivationData _activation;
    private readonly GrainMethod _method;
    private readonly long _token;
    private readonly long _startTimestamp;
    private readonly SynchronizationContext? _callerContext;
    private readonly CallChainLink? _caller;

    internal InlineTurn(ActivationData activation, GrainMethod method, long token, CallChainLink? caller, SynchronizationContext? callerContext)
    {
        _activation = activation;
        _method = method;
        _token = token;
        _caller = caller;
        _callerContext = callerContext;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>The grain instance to call.</summary>
    public object Grain => _activation.GrainInstance!;

    /// <summary>Ends the turn of a method returning <see cref="Task{TResult}"/>.</summary>
    public Task<TResult> Complete<TResult>(Task<TResult> task)
    {
        task ??= Task.FromException<TResult>(NullTask());
        if (task.IsCompleted)
        {
            End(task.IsFaulted);
            return task;
        }

        return Continue(new ValueTask<TResult>(task));
    }

    /// <summary>Ends the turn of a method returning <see cref="Task"/>.</summary>
    public Task Complete(Task task)
    {
        task ??= Task.FromException(NullTask());
        if (task.IsCompleted)
        {
            End(task.IsFaulted);
            return task;
        }

        return Continue(VoidResult.From(task));
    }

    /// <summary>Ends the turn of a method returning <see cref="ValueTask{TResult}"/>.</summary>
    public ValueTask<TResult> Complete<TResult>(ValueTask<TResult> task)
    {
        if (task.IsCompleted)
        {
            End(!task.IsCompletedSuccessfully);
            return task;
        }

        return new ValueTask<TResult>(Continue(task));
    }

    /// <summary>Ends the turn of a method returning <see cref="ValueTask"/>.</summary>
    public ValueTask Complete(ValueTask task)
    {
        if (task.IsCompleted)
        {
            End(!task.IsCompletedSuccessfully);
            return task;
        }

        return new ValueTask(Continue(VoidResult.From(task)));
    }

    private InvalidOperationException NullTask() =>
        new($"grain method {_method.DisplayName} of {_activation.GrainId} returned a null task");

    private void End(bool failed)
    {
        SynchronizationContext.SetSynchronizationContext(_callerContext);
        _activation.ExitInline(_method, _token, _startTimestamp, failed);
    }

    /// <summary>The method is still running: track it like a queued request so the caller gets a timeout and the activation stays busy.</summary>
    private Task<TResult> Continue<TResult>(ValueTask<TResult> pending)
    {
        var call = new InlineContinuation<TResult>(_method)
        {
            Caller = _caller,
            StartTimestamp = _startTimestamp,
            Token = _token,
        };
        var callerTask = call.CreateCallerTask();
        SynchronizationContext.SetSynchronizationContext(_callerContext);
        _activation.ContinueInlineAsync(call, pending);
        return callerTask;
    }
}
