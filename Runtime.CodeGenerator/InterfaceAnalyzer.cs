using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>Turns a grain interface symbol into an equatable <see cref="GrainInterfaceInfo"/>, validating its methods.</summary>
internal static class InterfaceAnalyzer
{
    private const string TasksNamespace = "System.Threading.Tasks";
    private const string VoidResult = KnownTypes.CodeGenerationNamespace + ".VoidResult";

    /// <summary>The transform of the interface syntax provider: null unless the node declares a grain interface.</summary>
    public static GrainInterfaceInfo? Analyze(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol symbol
            || !KnownTypes.IsGrainInterface(symbol))
        {
            return null;
        }

        return Analyze(symbol, cancellationToken);
    }

    private static GrainInterfaceInfo Analyze(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var location = LocationInfo.Of(symbol);

        if (KnownTypes.IsGeneric(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericInterface, location, TypeNames.Display(symbol)));
            return Skipped(symbol, diagnostics);
        }

        if (!KnownTypes.IsAccessibleToGeneratedCode(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InaccessibleType, location, TypeNames.Display(symbol)));
            return Skipped(symbol, diagnostics);
        }

        var self = Describe(symbol, diagnostics, reportAt: null);
        var valid = self.MethodsValid;
        var bases = new List<GrainInterfaceModel>();
        foreach (var baseInterface in symbol.AllInterfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (KnownTypes.IsGrainMarker(baseInterface))
                continue;

            if (!KnownTypes.IsGrainInterface(baseInterface))
            {
                if (DeclaresAbstractMembers(baseInterface))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        Diagnostics.NonGrainBaseInterface, location, TypeNames.Display(symbol), TypeNames.Display(baseInterface)));
                    valid = false;
                }

                continue;
            }

            if (KnownTypes.IsGeneric(baseInterface))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericInterface, location, TypeNames.Display(baseInterface)));
                valid = false;
                continue;
            }

            // A base declared in this compilation reports its own problems; one from another assembly is reported here.
            var isLocal = SymbolEqualityComparer.Default.Equals(baseInterface.ContainingAssembly, symbol.ContainingAssembly);
            var model = Describe(baseInterface, isLocal ? null : diagnostics, location);
            valid &= model.MethodsValid;
            bases.Add(model);
        }

        return new GrainInterfaceInfo(self, bases.ToEquatableArray(), valid, diagnostics.ToEquatableArray());
    }

    private static GrainInterfaceInfo Skipped(INamedTypeSymbol symbol, List<DiagnosticInfo> diagnostics) =>
        new(
            new GrainInterfaceModel(
                TypeNames.Key(symbol),
                TypeNames.FullName(symbol),
                TypeNames.ContainingNamespace(symbol),
                TypeNames.NameStem(symbol),
                MethodsValid: false,
                default),
            default,
            IsValid: false,
            diagnostics.ToEquatableArray());

    /// <summary>
    /// Describes the methods <paramref name="symbol"/> declares. Problems go to <paramref name="sink"/> (if any),
    /// at the member's own location or at <paramref name="reportAt"/> when given.
    /// </summary>
    private static GrainInterfaceModel Describe(INamedTypeSymbol symbol, List<DiagnosticInfo>? sink, LocationInfo? reportAt)
    {
        var methods = new List<GrainMethodModel>();
        var valid = true;

        void Report(DiagnosticDescriptor descriptor, ISymbol member, params string[] arguments)
        {
            valid = false;
            sink?.Add(DiagnosticInfo.Create(descriptor, reportAt ?? LocationInfo.Of(member), arguments));
        }

        foreach (var member in symbol.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    if (method.IsStatic)
                    {
                        // Static helpers are not part of the contract; static abstract members would have to be implemented.
                        if (method.IsAbstract || method.IsVirtual)
                            Report(Diagnostics.UnsupportedMember, method, TypeNames.Display(symbol), TypeNames.Display(method));
                    }
                    else if (!method.IsAbstract)
                    {
                        // Private and sealed (non-virtual) bodies are local helpers; an overridable body would bypass the grain.
                        if (method.DeclaredAccessibility != Accessibility.Private && method.IsVirtual)
                            Report(Diagnostics.DefaultImplementation, method, TypeNames.Display(method));
                    }
                    else if (DescribeMethod(method, Report) is { } model)
                    {
                        methods.Add(model);
                    }
                    else
                    {
                        valid = false;
                    }

                    break;

                case IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation } method:
                    Report(Diagnostics.DefaultImplementation, method, TypeNames.Display(method));
                    break;

                case IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } method
                    when method.IsAbstract || method.IsVirtual:
                    Report(Diagnostics.UnsupportedMember, method, TypeNames.Display(symbol), TypeNames.Display(method));
                    break;

                case IPropertySymbol or IEventSymbol when !member.IsStatic || member.IsAbstract || member.IsVirtual:
                    Report(Diagnostics.UnsupportedMember, member, TypeNames.Display(symbol), TypeNames.Display(member));
                    break;
            }
        }

        return new GrainInterfaceModel(
            TypeNames.Key(symbol),
            TypeNames.FullName(symbol),
            TypeNames.ContainingNamespace(symbol),
            TypeNames.NameStem(symbol),
            valid,
            methods.ToEquatableArray());
    }

    private delegate void Reporter(DiagnosticDescriptor descriptor, ISymbol member, params string[] arguments);

    private static GrainMethodModel? DescribeMethod(IMethodSymbol method, Reporter report)
    {
        // An unresolved type is already a compiler error: generate nothing for the method and add no noise.
        if (method.ReturnType.TypeKind == TypeKind.Error || method.Parameters.Any(static p => p.Type.TypeKind == TypeKind.Error))
            return null;

        var display = TypeNames.Display(method);
        var ok = true;
        if (method.IsGenericMethod)
        {
            report(Diagnostics.GenericMethod, method, display);
            ok = false;
        }

        var parameters = new List<ParameterModel>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var type = parameter.Type;
            if (parameter.RefKind != RefKind.None)
            {
                report(Diagnostics.ByRefParameter, parameter, display, parameter.Name);
                ok = false;
            }
            else if (type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                report(Diagnostics.UnsupportedParameterType, parameter, display, parameter.Name, TypeNames.Display(type));
                ok = false;
            }

            var name = parameter.Name.Length > 0 ? parameter.Name : "arg" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(new ParameterModel(TypeNames.Identifier(name), TypeNames.FullName(type), TypeNames.IsNonNullableReference(type)));
        }

        var kind = method.ReturnsByRef || method.ReturnsByRefReadonly ? null : Classify(method.ReturnType);
        if (kind is null)
        {
            var returnType = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : string.Empty)
                + TypeNames.Display(method.ReturnType);
            report(Diagnostics.UnsupportedReturnType, method, display, returnType);
            return null;
        }

        var options = Options(method);
        var returnsValue = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;
        if ((options & GrainMethodModel.OneWay) != 0 && returnsValue)
        {
            report(Diagnostics.OneWayReturnsValue, method, display, TypeNames.Display(method.ReturnType));
            ok = false;
        }

        if (!ok)
            return null;

        var resultType = returnsValue ? TypeNames.FullName(((INamedTypeSymbol)method.ReturnType).TypeArguments[0]) : VoidResult;
        return new GrainMethodModel(
            method.Name,
            TypeNames.FullNameNotAnnotated(method.ReturnType),
            kind.Value,
            resultType,
            options,
            parameters.ToEquatableArray());
    }

    private static ReturnKind? Classify(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
            return null;
        var definition = named.OriginalDefinition;
        if (KnownTypes.Is(definition, TasksNamespace, "Task"))
            return ReturnKind.Task;
        if (KnownTypes.Is(definition, TasksNamespace, "Task", 1))
            return ReturnKind.TaskOfT;
        if (KnownTypes.Is(definition, TasksNamespace, "ValueTask"))
            return ReturnKind.ValueTask;
        if (KnownTypes.Is(definition, TasksNamespace, "ValueTask", 1))
            return ReturnKind.ValueTaskOfT;
        return null;
    }

    private static int Options(IMethodSymbol method)
    {
        var options = 0;
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (KnownTypes.Is(type, KnownTypes.ConcurrencyNamespace, "ReadOnlyAttribute"))
                options |= GrainMethodModel.ReadOnly;
            else if (KnownTypes.Is(type, KnownTypes.ConcurrencyNamespace, "AlwaysInterleaveAttribute"))
                options |= GrainMethodModel.AlwaysInterleave;
            else if (KnownTypes.Is(type, KnownTypes.ConcurrencyNamespace, "OneWayAttribute"))
                options |= GrainMethodModel.OneWay;
        }

        return options;
    }

    /// <summary>True when a proxy implementing <paramref name="type"/> would have to implement members of it.</summary>
    private static bool DeclaresAbstractMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsAbstract)
                return true;
        }

        return false;
    }
}
