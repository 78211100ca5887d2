using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Filters;

namespace Meridian.Runtime.Core;

/// <summary>Runs a call through the silo's outgoing filters before it is dispatched.</summary>
internal static class OutgoingCallPipeline
{
    public static async Task<TResult> InvokeAsync<TResult>(GrainRuntime runtime, GrainReference reference, GrainRequest<TResult> request, Task<TResult> response)
    {
        var context = new Context<TResult>(runtime, reference, request, response);
        await context.Invoke().ConfigureAwait(true);
        return context.TypedResult;
    }

    private sealed class Context<TResult>(GrainRuntime runtime, GrainReference reference, GrainRequest<TResult> request, Task<TResult> response)
        : IOutgoingGrainCallContext
    {
        private int _next;

        public TResult TypedResult { get; private set; } = default!;

        public GrainReference Grain => reference;

        public GrainId TargetId => reference.GrainId;

        public GrainMethod Method => request.Method;

        public GrainRequest Request => request;

        public object? Result
        {
            get => TypedResult;
            set => TypedResult = (TResult)value!;
        }

        public async Task Invoke()
        {
            var filters = runtime.Filters.Outgoing;
            var step = _next++;
            if (step < filters.Length)
            {
                await filters[step].Invoke(this).ConfigureAwait(true);
                return;
            }

            runtime.Dispatch(reference, request);
            if (!request.Method.IsOneWay)
                TypedResult = await response.ConfigureAwait(true);
        }
    }
}
