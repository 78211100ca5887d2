using Microsoft.Extensions.Logging;

namespace Meridian.Runtime.Core;

/// <summary>The runtime's log events, source-generated so that a disabled level costs nothing.</summary>
internal sealed partial class RuntimeLog(ILogger logger)
{
    [LoggerMessage(1, LogLevel.Information, "Silo started with {GrainClassCount} grain classes")]
    public partial void SiloStarted(int grainClassCount);

    [LoggerMessage(2, LogLevel.Debug, "Activated {GrainId}")]
    public partial void Activated(GrainId grainId);

    [LoggerMessage(3, LogLevel.Warning, "Activation of {GrainId} failed; its waiting callers get the error")]
    public partial void ActivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Deactivated {GrainId}: {ReasonCode} ({ReasonDescription})")]
    public partial void Deactivated(GrainId grainId, DeactivationReasonCode reasonCode, string reasonDescription);

    [LoggerMessage(5, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed; the activation is removed anyway")]
    public partial void DeactivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "A work item of {GrainId} threw; the activation goes on")]
    public partial void WorkItemFailed(GrainId grainId, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "{Method} on {GrainId} failed and has no caller to report to")]
    public partial void OneWayRequestFailed(string method, GrainId grainId, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "{Method} to {GrainId} timed out after {ElapsedSeconds:0.0} s")]
    public partial void RequestTimedOut(string method, GrainId grainId, double elapsedSeconds);

    [LoggerMessage(10, LogLevel.Warning, "{GrainId} was still activating or deactivating when the silo's patience ran out: retired by force")]
    public partial void ForcedRetirement(GrainId grainId);

    [LoggerMessage(9, LogLevel.Error, "Stream {StreamId} delivery to subscription {HandleId} failed")]
    public partial void StreamDeliveryFailed(string streamId, Guid handleId, Exception exception);
}
