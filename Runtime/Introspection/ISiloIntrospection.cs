using System.Text.Json.Nodes;

namespace Meridian.Runtime.Introspection;

/// <summary>What the dashboard shows of a silo, live.</summary>
public interface ISiloIntrospection
{
    /// <summary>Every grain type with its number of activations now.</summary>
    IReadOnlyList<GrainTypeSummary> GetGrainTypes();

    /// <summary>Per grain method: calls, calls per second, errors and latency percentiles since the silo started.</summary>
    IReadOnlyList<MethodSummary> GetMethods();

    /// <summary>The active grains, optionally of one grain type, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<ActiveGrain> GetActiveGrains(string? grainType = null, int limit = 1000);

    /// <summary>
    /// A read-only JSON view of an active grain's persistent states (taken on the grain's turn, so never torn);
    /// null when the grain is not active. Never activates it.
    /// </summary>
    Task<JsonObject?> GetGrainStateAsync(GrainId grainId);
}

/// <summary>A grain type and its activation count.</summary>
public sealed record GrainTypeSummary(string GrainType, string ClassName, int Activations);

/// <summary>Calls of one grain method; latencies in microseconds.</summary>
public sealed record MethodSummary(
    string Method, long Calls, double CallsPerSecond, long Errors, double P50Microseconds, double P99Microseconds, double P999Microseconds);

/// <summary>One activation now.</summary>
public sealed record ActiveGrain(GrainId GrainId, string State, int RunningRequests, int WaitingRequests, TimeSpan IdleFor);
