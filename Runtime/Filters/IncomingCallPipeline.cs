using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Filters;

namespace Meridian.Runtime.Core;

/// <summary>Runs a request through the silo's incoming filters, then the grain's own, then the grain method.</summary>
internal static class IncomingCallPipeline
{
    public static async ValueTask<TResult> InvokeAsync<TResult>(ActivationData activation, GrainRequest<TResult> request)
    {
        var context = new Context<TResult>(activation, request);
        await context.Invoke().ConfigureAwait(true);
        return context.TypedResult;
    }

    private sealed class Context<TResult>(ActivationData activation, GrainRequest<TResult> request)
        : GrainCallContext<TResult>(request), IIncomingGrainCallContext
    {
        public object Grain => activation.GrainInstance!;

        public override GrainId TargetId => activation.GrainId;

        protected override async Task InvokeStep(int step)
        {
            var filters = activation.Runtime.Filters.Incoming;
            if (step < filters.Length)
                await filters[step].Invoke(this).ConfigureAwait(true);
            else if (step == filters.Length && activation.ClassInfo.IsIncomingFilter)
                await ((IIncomingGrainCallFilter)Grain).Invoke(this).ConfigureAwait(true);
            else
                TypedResult = await TypedRequest.InvokeAsync(Grain).ConfigureAwait(true);
        }
    }
}
