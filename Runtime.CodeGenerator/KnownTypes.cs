using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>Recognizes the runtime's contract types by name, so the generator needs no reference to the runtime.</summary>
internal static class KnownTypes
{
    public const string RuntimeNamespace = "Meridian.Runtime";
    public const string ConcurrencyNamespace = "Meridian.Runtime.Concurrency";
    public const string CodeGenerationNamespace = "global::Meridian.Runtime.CodeGeneration";

    /// <summary>True when <paramref name="type"/> is the top-level type <paramref name="ns"/>.<paramref name="name"/> with <paramref name="arity"/> type parameters.</summary>
    public static bool Is(ITypeSymbol? type, string ns, string name, int arity = 0) =>
        type is INamedTypeSymbol named
        && named.Name == name
        && named.Arity == arity
        && named.ContainingType is null
        && IsNamespace(named.ContainingNamespace, ns);

    /// <summary>IAddressable, IGrain and the keyed IGrainWith* markers: not grain interfaces themselves.</summary>
    public static bool IsGrainMarker(INamedTypeSymbol type)
    {
        if (type.ContainingType is not null || type.Arity != 0 || !IsNamespace(type.ContainingNamespace, RuntimeNamespace))
            return false;
        switch (type.Name)
        {
            case "IAddressable":
            case "IGrain":
            case "IGrainWithStringKey":
            case "IGrainWithGuidKey":
            case "IGrainWithIntegerKey":
            case "IGrainWithGuidCompoundKey":
            case "IGrainWithIntegerCompoundKey":
                return true;
            default:
                return false;
        }
    }

    /// <summary>An interface extending IGrain (directly or not) that is not one of the markers.</summary>
    public static bool IsGrainInterface(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Interface || IsGrainMarker(type))
            return false;
        foreach (var baseInterface in type.AllInterfaces)
        {
            if (Is(baseInterface, RuntimeNamespace, "IGrain"))
                return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> implements at least one grain interface.</summary>
    public static bool ImplementsGrainInterface(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (IsGrainInterface(implemented))
                return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> derives, directly or not, from Meridian.Runtime.Grain.</summary>
    public static bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current, RuntimeNamespace, "Grain"))
                return true;
        }

        return false;
    }

    /// <summary>True when the type or a type containing it has type parameters.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
                return true;
        }

        return false;
    }

    /// <summary>True when namespace-level code in the same assembly can name the type (it and its containers are public or internal).</summary>
    public static bool IsAccessibleToGeneratedCode(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
                return false;
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsNamespace(INamespaceSymbol? symbol, string dotted)
    {
        var end = dotted.Length;
        for (var current = symbol; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
                return false;
            if (start == 0)
                return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            if (dotted[start - 1] != '.')
                return false;
            end = start - 1;
        }

        return false;
    }
}
