namespace Meridian.Grains.Models;

/// <summary>Where a registered model version stands.</summary>
public enum ModelStage
{
    /// <summary>Registered and not serving: promotable, and where a champion goes back to when replaced.</summary>
    Registered,

    /// <summary>Scored in shadow beside the champion each round; its signals are compared live but never traded.</summary>
    Challenger,

    /// <summary>The version whose signals are traded. At most one per model.</summary>
    Champion,

    /// <summary>Retired: kept for the record, never served again.</summary>
    Retired,
}
