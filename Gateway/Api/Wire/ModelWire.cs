using Meridian.Grains.Models;

namespace Meridian.Gateway.Api.Wire;

/// <summary>A model in the registry: its champion, challengers, every version, and (for one model) its live figures.</summary>
public sealed record ModelView(string Model, int? Champion, IReadOnlyList<int> Challengers, IReadOnlyList<ModelVersionInfo> Versions, ModelLiveStatus? Live = null);

/// <summary>POST /v1/models/{model}/promote.</summary>
public sealed record PromoteBody(int? Version);
