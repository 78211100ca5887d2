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
        : GrainCallContext<TResult>(request), IOutgoingGrainCallContext
    {
        public GrainReference Grain => reference;

        public override GrainId TargetId => reference.GrainId;

        protected override async Task InvokeStep(int step)
        {
            var filters = runtime.Filters.Outgoing;
            if (step < filters.Length)
            {
                await filters[step].Invoke(this).ConfigureAwait(true);
                return;
            }

            runtime.Dispatch(reference, TypedRequest);
            if (!TypedRequest.Method.IsOneWay)
                TypedResult = await response.ConfigureAwait(true);
        }
    }
}
