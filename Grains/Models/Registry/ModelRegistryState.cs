namespace Meridian.Grains.Models.Registry;

/// <summary>The persisted state of the <see cref="ModelRegistryGrain"/>: every model by name.</summary>
public sealed class ModelRegistryState
{
    /// <summary>The models, by name.</summary>
    public Dictionary<string, RegisteredModel> Models { get; set; } = [];
}

/// <summary>One model's versions (version n at index n - 1) and its champions in the order they were promoted.</summary>
public sealed class RegisteredModel
{
    /// <summary>Every version registered.</summary>
    public List<ModelVersionInfo> Versions { get; set; } = [];

    /// <summary>Every promotion, oldest first; the last is the champion. Roll-back pops it.</summary>
    public List<int> Champions { get; set; } = [];
}
