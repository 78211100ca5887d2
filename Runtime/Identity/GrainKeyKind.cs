namespace Meridian.Runtime;

/// <summary>The shape of a grain's primary key, fixed by the marker interface its grain interface extends.</summary>
public enum GrainKeyKind : byte
{
    /// <summary><see cref="IGrainWithStringKey"/>.</summary>
    String = 1,

    /// <summary><see cref="IGrainWithGuidKey"/>.</summary>
    Guid = 2,

    /// <summary><see cref="IGrainWithIntegerKey"/>.</summary>
    Integer = 3,

    /// <summary><see cref="IGrainWithGuidCompoundKey"/>: a Guid plus a string extension.</summary>
    GuidCompound = 4,

    /// <summary><see cref="IGrainWithIntegerCompoundKey"/>: a long plus a string extension.</summary>
    IntegerCompound = 5,
}
