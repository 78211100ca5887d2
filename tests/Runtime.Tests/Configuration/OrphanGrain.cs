namespace Meridian.Runtime.Tests.Configuration;

/// <summary>A grain interface no grain class implements.</summary>
public interface IOrphanGrain : IGrainWithStringKey
{
    Task<int> Value();
}
