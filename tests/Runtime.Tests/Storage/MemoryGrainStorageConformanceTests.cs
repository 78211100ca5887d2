using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>The storage contract, checked for <see cref="MemoryGrainStorage"/>.</summary>
public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformance
{
    protected override IGrainStorage CreateStorage() => new MemoryGrainStorage("conformance");
}
