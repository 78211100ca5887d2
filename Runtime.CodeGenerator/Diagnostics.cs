using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>The diagnostics the grain generator reports (MRG001..). Keep AnalyzerReleases.Unshipped.md in step.</summary>
internal static class Diagnostics
{
    private const string Category = "Meridian.CodeGeneration";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "MRG001",
        "Grain method has an unsupported return type",
        "Grain method '{0}' returns '{1}'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "MRG002",
        "Grain method is generic",
        "Grain method '{0}' is generic; generic grain methods are not supported");

    public static readonly DiagnosticDescriptor ByRefParameter = Error(
        "MRG003",
        "Grain method parameter is passed by reference",
        "Parameter '{1}' of grain method '{0}' is passed by reference; grain method parameters cannot be ref, out, in or ref readonly");

    public static readonly DiagnosticDescriptor GenericInterface = Error(
        "MRG004",
        "Generic grain interface",
        "Grain interface '{0}' is generic; generic grain interfaces are not supported");

    public static readonly DiagnosticDescriptor OneWayReturnsValue = Error(
        "MRG005",
        "One-way grain method returns a value",
        "One-way grain method '{0}' returns '{1}'; a [OneWay] method must return Task or ValueTask");

    public static readonly DiagnosticDescriptor UnsupportedMember = Error(
        "MRG006",
        "Grain interface declares a member that is not a method",
        "Grain interface '{0}' declares '{1}'; grain interfaces can only declare instance methods");

    public static readonly DiagnosticDescriptor DefaultImplementation = Error(
        "MRG007",
        "Grain method has a default implementation",
        "Grain method '{0}' has a default implementation; grain interface methods cannot have bodies");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "MRG008",
        "Grain method parameter type cannot be stored in a request",
        "Parameter '{1}' of grain method '{0}' has type '{2}'; ref structs and pointers cannot be grain method parameters");

    public static readonly DiagnosticDescriptor NonGrainBaseInterface = Error(
        "MRG009",
        "Grain interface extends a non-grain interface with members",
        "Grain interface '{0}' extends '{1}', which is not a grain interface but declares members; a grain interface can only extend grain interfaces");

    public static readonly DiagnosticDescriptor InaccessibleType = new(
        "MRG010",
        "Grain type is not accessible to generated code",
        "'{0}' is private, protected or file-local, so generated code cannot reach it; no proxy or factory is generated for it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericGrainClass = Error(
        "MRG011",
        "Generic grain class",
        "Grain class '{0}' is generic; generic grain classes are not supported");

    public static readonly DiagnosticDescriptor NoPublicConstructor = Error(
        "MRG012",
        "Grain class has no public constructor",
        "Grain class '{0}' has no public constructor; the generated factory needs one");

    public static readonly DiagnosticDescriptor AmbiguousConstructor = Error(
        "MRG013",
        "Grain class has ambiguous public constructors",
        "Grain class '{0}' has several public constructors taking the most parameters ({1}); the generated factory calls the public constructor with the most parameters, so it must be unique");

    public static readonly DiagnosticDescriptor PersistentStateType = Error(
        "MRG014",
        "[PersistentState] parameter is not IPersistentState<TState>",
        "Parameter '{1}' of the constructor of grain class '{0}' is marked [PersistentState] but has type '{2}'; it must be IPersistentState<TState>");

    public static readonly DiagnosticDescriptor UnsupportedConstructorParameter = Error(
        "MRG015",
        "Grain constructor parameter cannot be supplied",
        "Parameter '{1}' of the constructor of grain class '{0}' is ref, out, ref readonly, a ref struct or a pointer; the generated factory cannot supply it");

    public static readonly DiagnosticDescriptor MissingStateName = Error(
        "MRG016",
        "[PersistentState] without a state name",
        "Parameter '{1}' of the constructor of grain class '{0}' is marked [PersistentState] without a state name");

    public static readonly DiagnosticDescriptor RequiredMembers = Error(
        "MRG017",
        "Grain class has required members",
        "Grain class '{0}' has required member '{1}', which the generated factory cannot set; remove 'required' or mark the constructor [SetsRequiredMembers]");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
