using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>Turns a grain class symbol into an equatable <see cref="GrainClassInfo"/>: which constructor, and where each argument comes from.</summary>
internal static class ClassAnalyzer
{
    private const string DefaultStorageName = "Default";

    /// <summary>The transform of the class syntax provider: null unless the node declares a grain class.</summary>
    public static GrainClassInfo? Analyze(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol symbol
            || symbol.TypeKind != TypeKind.Class
            || symbol.IsAbstract
            || symbol.IsStatic
            || !KnownTypes.DerivesFromGrain(symbol)
            || !KnownTypes.ImplementsGrainInterface(symbol))
        {
            return null;
        }

        var key = TypeNames.Key(symbol);
        var diagnostics = new List<DiagnosticInfo>();
        var location = LocationInfo.Of(symbol);
        var display = TypeNames.Display(symbol);
        if (KnownTypes.IsGeneric(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericGrainClass, location, display));
            return new GrainClassInfo(key, null, diagnostics.ToEquatableArray());
        }

        if (!KnownTypes.IsAccessibleToGeneratedCode(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InaccessibleType, location, display));
            return new GrainClassInfo(key, null, diagnostics.ToEquatableArray());
        }

        var constructor = ChooseConstructor(symbol, location, display, diagnostics);
        if (constructor is null)
            return new GrainClassInfo(key, null, diagnostics.ToEquatableArray());

        if (!SetsRequiredMembers(constructor) && FirstRequiredMember(symbol) is { } required)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.RequiredMembers, location, display, required.Name));
            return new GrainClassInfo(key, null, diagnostics.ToEquatableArray());
        }

        var arguments = new List<ConstructorArgumentModel>();
        var valid = true;
        foreach (var parameter in constructor.Parameters)
        {
            if (Describe(parameter, display, diagnostics) is { } argument)
                arguments.Add(argument);
            else
                valid = false;
        }

        var model = valid ? new GrainClassModel(key, TypeNames.FullName(symbol), arguments.ToEquatableArray()) : null;
        return new GrainClassInfo(key, model, diagnostics.ToEquatableArray());
    }

    /// <summary>The single public constructor, or the public one with the most parameters.</summary>
    private static IMethodSymbol? ChooseConstructor(
        INamedTypeSymbol symbol, LocationInfo? location, string display, List<DiagnosticInfo> diagnostics)
    {
        IMethodSymbol? chosen = null;
        var tied = false;
        foreach (var constructor in symbol.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public)
                continue;
            if (chosen is null || constructor.Parameters.Length > chosen.Parameters.Length)
            {
                chosen = constructor;
                tied = false;
            }
            else if (constructor.Parameters.Length == chosen.Parameters.Length)
            {
                tied = true;
            }
        }

        if (chosen is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoPublicConstructor, location, display));
            return null;
        }

        if (tied)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                Diagnostics.AmbiguousConstructor,
                location,
                display,
                chosen.Parameters.Length.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return chosen;
    }

    private static bool SetsRequiredMembers(IMethodSymbol constructor)
    {
        foreach (var attribute in constructor.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, "System.Diagnostics.CodeAnalysis", "SetsRequiredMembersAttribute"))
                return true;
        }

        return false;
    }

    /// <summary>A required field or property of the class or its bases: <c>new C(...)</c> would not compile (CS9035).</summary>
    private static ISymbol? FirstRequiredMember(INamedTypeSymbol symbol)
    {
        for (var type = symbol; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                    return member;
            }
        }

        return null;
    }

    private static ConstructorArgumentModel? Describe(IParameterSymbol parameter, string grainClass, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.Of(parameter);
        var type = parameter.Type;
        if (parameter.RefKind is not (RefKind.None or RefKind.In) || type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstructorParameter, location, grainClass, parameter.Name));
            return null;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, KnownTypes.RuntimeNamespace, "PersistentStateAttribute"))
                return PersistentState(parameter, attribute, grainClass, location, diagnostics);
        }

        if (parameter.HasExplicitDefaultValue)
        {
            var runtimeType = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                ? ((INamedTypeSymbol)type).TypeArguments[0]
                : type;
            return new ConstructorArgumentModel(
                ArgumentSource.ServiceOrDefault,
                TypeNames.FullNameNotAnnotated(runtimeType),
                RuntimeType: runtimeType.TypeKind == TypeKind.Dynamic ? "object" : TypeNames.FullNameOblivious(runtimeType),
                DefaultValue: Literals.DefaultValue(type, parameter.ExplicitDefaultValue));
        }

        // A nullable parameter is an optional dependency; GetRequiredService<T> also requires T : notnull.
        return TypeNames.IsNullable(type)
            ? new ConstructorArgumentModel(ArgumentSource.OptionalService, TypeNames.FullNameNotAnnotated(type))
            : new ConstructorArgumentModel(ArgumentSource.RequiredService, TypeNames.FullNameNotAnnotated(type));
    }

    private static ConstructorArgumentModel? PersistentState(
        IParameterSymbol parameter, AttributeData attribute, string grainClass, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (parameter.Type is not INamedTypeSymbol stateType
            || !KnownTypes.Is(stateType.OriginalDefinition, KnownTypes.RuntimeNamespace, "IPersistentState", 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                Diagnostics.PersistentStateType, location, grainClass, parameter.Name, TypeNames.Display(parameter.Type)));
            return null;
        }

        // PersistentState(stateName, storageName = "Default"); named arguments win if the attribute also has settable properties.
        var arguments = attribute.ConstructorArguments;
        var stateName = arguments.Length > 0 ? arguments[0].Value as string : null;
        var storageName = arguments.Length > 1 ? arguments[1].Value as string : null;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "StateName")
                stateName = named.Value.Value as string;
            else if (named.Key == "StorageName")
                storageName = named.Value.Value as string;
        }

        if (string.IsNullOrEmpty(stateName))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingStateName, location, grainClass, parameter.Name));
            return null;
        }

        return new ConstructorArgumentModel(
            ArgumentSource.PersistentState,
            TypeNames.FullName(stateType.TypeArguments[0]),
            StateName: stateName,
            StorageName: string.IsNullOrEmpty(storageName) ? DefaultStorageName : storageName);
    }
}
