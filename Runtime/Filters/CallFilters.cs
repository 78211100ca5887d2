using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Filters;

/// <summary>The silo-wide filters from the service provider, resolved once.</summary>
internal sealed class CallFilters(IServiceProvider services)
{
    public IIncomingGrainCallFilter[] Incoming { get; } = [.. services.GetServices<IIncomingGrainCallFilter>()];

    public IOutgoingGrainCallFilter[] Outgoing { get; } = [.. services.GetServices<IOutgoingGrainCallFilter>()];

    public bool HasIncoming => Incoming.Length != 0;

    public bool HasOutgoing => Outgoing.Length != 0;
}
