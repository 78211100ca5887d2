namespace Meridian.Runtime.CodeGenerator;

/// <summary>How a grain method returns, which decides the request's result type and the proxy's code.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>A grain method parameter.</summary>
/// <param name="Name">The parameter name, escaped if it is a keyword (<c>@event</c>).</param>
/// <param name="Type">The fully qualified type, with nullable annotations.</param>
/// <param name="NeedsInitializer">True for non-nullable reference types: the request field needs <c>= default!</c>.</param>
internal sealed record ParameterModel(string Name, string Type, bool NeedsInitializer);

/// <summary>A method of a grain interface, as declared by that interface.</summary>
/// <param name="Name">The method name as declared (unescaped).</param>
/// <param name="ReturnType">The fully qualified return type, e.g. <c>global::System.Threading.Tasks.Task&lt;int&gt;</c>.</param>
/// <param name="ReturnKind">Which of the four task types the method returns.</param>
/// <param name="ResultType">The request's result type: T, or VoidResult for Task and ValueTask.</param>
/// <param name="Options">GrainMethodOptions flags.</param>
/// <param name="Parameters">The parameters, in order.</param>
internal sealed record GrainMethodModel(
    string Name,
    string ReturnType,
    ReturnKind ReturnKind,
    string ResultType,
    int Options,
    EquatableArray<ParameterModel> Parameters)
{
    public const int ReadOnly = 1;
    public const int AlwaysInterleave = 2;
    public const int OneWay = 4;

    public bool IsOneWay => (Options & OneWay) != 0;
}

/// <summary>A grain interface and the methods it declares itself (not inherited ones).</summary>
/// <param name="Key">Identifies the interface across the pipeline: metadata name plus assembly.</param>
/// <param name="TypeName">The fully qualified name, e.g. <c>global::Shop.Outer.ICart</c>.</param>
/// <param name="Namespace">The containing namespace, unescaped, empty for the global namespace.</param>
/// <param name="NameStem">Containing type names and the interface name joined by '_', e.g. <c>Outer_ICart</c>.</param>
/// <param name="MethodsValid">False when a declared method cannot be generated (a diagnostic says why).</param>
/// <param name="Methods">The supported methods the interface declares, in declaration order.</param>
internal sealed record GrainInterfaceModel(
    string Key,
    string TypeName,
    string Namespace,
    string NameStem,
    bool MethodsValid,
    EquatableArray<GrainMethodModel> Methods);

/// <summary>
/// What the pipeline learns from one grain interface declared in the compilation: the interface, all its base
/// grain interfaces (whose methods the proxy must implement too), and the problems found.
/// </summary>
/// <param name="Interface">The interface itself.</param>
/// <param name="Bases">Its base grain interfaces (markers excluded), from this compilation or others.</param>
/// <param name="IsValid">True when a proxy can be generated: the interface and all its bases are supported.</param>
/// <param name="Diagnostics">The problems to report.</param>
internal sealed record GrainInterfaceInfo(
    GrainInterfaceModel Interface,
    EquatableArray<GrainInterfaceModel> Bases,
    bool IsValid,
    EquatableArray<DiagnosticInfo> Diagnostics);
