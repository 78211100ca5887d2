namespace Meridian.Runtime;

/// <summary>Marker for every grain interface. Extend one of the keyed variants, not this one.</summary>
#pragma warning disable CA1040 // Marker interfaces are the programming model, as in Orleans.
public interface IGrain : IAddressable;

/// <summary>Anything with a grain identity: grains and grain references.</summary>
public interface IAddressable;

/// <summary>A grain addressed by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a Guid key.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain addressed by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain addressed by a Guid key plus a string extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;

/// <summary>A grain addressed by a 64-bit integer key plus a string extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;
#pragma warning restore CA1040
