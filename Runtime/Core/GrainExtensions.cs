using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime;

/// <summary>Key accessors and references for grains and grain references, as in Orleans.</summary>
public static class GrainExtensions
{
    /// <summary>The grain id of a grain or a grain reference.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        Grain g => g.GrainId,
        GrainReference r => r.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference", nameof(grain)),
    };

    /// <summary>The string key.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key.StringValue;

    /// <summary>The Guid key (or the Guid part of a compound key).</summary>
    public static Guid GetPrimaryKey(this IAddressable grain) => grain.GetGrainId().Key.GuidValue;

    /// <summary>The Guid part and the extension of a Guid-compound key.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension)
    {
        var key = grain.GetGrainId().Key;
        keyExtension = key.Extension;
        return key.GuidValue;
    }

    /// <summary>The integer key (or the integer part of a compound key).</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain) => grain.GetGrainId().Key.IntegerValue;

    /// <summary>The integer part and the extension of an integer-compound key.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension)
    {
        var key = grain.GetGrainId().Key;
        keyExtension = key.Extension;
        return key.IntegerValue;
    }

    /// <summary>A reference to this grain through one of its interfaces, to hand to other grains.</summary>
    public static TInterface AsReference<TInterface>(this Grain grain)
        where TInterface : IGrain
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.Activation.Runtime.GetGrain<TInterface>(grain.GrainId);
    }
}
