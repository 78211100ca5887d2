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

    private sealed class Context<TResult>(ActivationData activation, GrainRequest<TResult> request) : IIncomingGrainCallContext
    {
        private int _next;

        public TResult TypedResult { get; private set; } = default!;

        public object Grain => activation.GrainInstance!;

        public GrainId TargetId => activation.GrainId;

        public GrainMethod Method => request.Method;

        public GrainRequest Request => request;

        public object? Result
        {
            get => TypedResult;
            set => TypedResult = (TResult)value!;
        }

        public async Task Invoke()
        {
            var filters = activation.Runtime.Filters.Incoming;
            var step = _next++;
            if (step < filters.Length)
            {
                await filters[step].Invoke(this).ConfigureAwait(true);
                return;
            }

            if (step == filters.Length && activation.ClassInfo.IsIncomingFilter)
            {
                await ((IIncomingGrainCallFilter)Grain).Invoke(this).ConfigureAwait(true);
                return;
            }

            TypedResult = await request.InvokeAsync(Grain).ConfigureAwait(true);
        }
    }
}
