using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>A grain interface whose method metadata and request classes are generated, with the names chosen for them.</summary>
internal sealed class InterfacePlan(GrainInterfaceModel model, string generatedNamespace, string methodsClass)
{
    public GrainInterfaceModel Model { get; } = model;

    /// <summary>The escaped namespace of the generated types, e.g. <c>Meridian.Generated.Shop</c>.</summary>
    public string GeneratedNamespace { get; } = generatedNamespace;

    /// <summary>The static class holding one GrainMethod per method.</summary>
    public string MethodsClass { get; } = methodsClass;

    public string MethodsClassFullName => "global::" + GeneratedNamespace + "." + MethodsClass;

    public List<MethodPlan> Methods { get; } = [];
}

/// <summary>A method of <see cref="Declaring"/>: its metadata field and its request class.</summary>
internal sealed class MethodPlan(GrainMethodModel method, InterfacePlan declaring, string field, string requestClass)
{
    public GrainMethodModel Method { get; } = method;

    public InterfacePlan Declaring { get; } = declaring;

    /// <summary>The GrainMethod field in <see cref="InterfacePlan.MethodsClass"/>, unescaped.</summary>
    public string Field { get; } = field;

    public string FieldReference => Declaring.MethodsClassFullName + "." + TypeNames.Identifier(Field);

    public string RequestClass { get; } = requestClass;

    public string RequestClassFullName => "global::" + Declaring.GeneratedNamespace + "." + RequestClass;
}

/// <summary>A proxy for a grain interface declared in the compilation: it implements the interface's methods and its bases'.</summary>
internal sealed class ProxyPlan(InterfacePlan @interface, string proxyClass, IReadOnlyList<MethodPlan> methods)
{
    public InterfacePlan Interface { get; } = @interface;

    public string ProxyClass { get; } = proxyClass;

    public string ProxyClassFullName => "global::" + Interface.GeneratedNamespace + "." + ProxyClass;

    public IReadOnlyList<MethodPlan> Methods { get; } = methods;
}

/// <summary>Everything the one generated file contains, with collision-free names, in a deterministic order.</summary>
internal sealed class GenerationPlan
{
    public const string RootNamespace = "Meridian.Generated";

    /// <summary>Members of object that a field of the static metadata class would hide (CS0108).</summary>
    private static readonly string[] s_objectMembers =
        ["Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize"];

    private GenerationPlan(string manifestClass) => ManifestClass = manifestClass;

    public string ManifestClass { get; }

    public string ManifestClassFullName => "global::" + RootNamespace + "." + ManifestClass;

    public List<InterfacePlan> Interfaces { get; } = [];

    public List<ProxyPlan> Proxies { get; } = [];

    public List<GrainClassModel> Classes { get; } = [];

    public bool IsEmpty => Proxies.Count == 0 && Classes.Count == 0;

    public static GenerationPlan Create(
        ImmutableArray<GrainInterfaceInfo> interfaces, ImmutableArray<GrainClassInfo> classes, string assemblyName)
    {
        // Partial types are seen once per declaration: keep one of each.
        var locals = interfaces
            .Where(static info => info.IsValid)
            .GroupBy(static info => info.Interface.Key, StringComparer.Ordinal)
            .Select(static group => group.First())
            .OrderBy(static info => info.Interface.Key, StringComparer.Ordinal)
            .ToList();

        // Metadata and requests for every interface a proxy implements, including bases from other assemblies,
        // whose generated types are internal to those assemblies.
        var declaring = new SortedDictionary<string, GrainInterfaceModel>(StringComparer.Ordinal);
        foreach (var info in locals)
        {
            declaring[info.Interface.Key] = info.Interface;
            foreach (var baseInterface in info.Bases)
            {
                if (!declaring.ContainsKey(baseInterface.Key))
                    declaring[baseInterface.Key] = baseInterface;
            }
        }

        var namespaces = new Dictionary<string, NameAllocator>(StringComparer.Ordinal);
        NameAllocator Scope(string ns)
        {
            if (!namespaces.TryGetValue(ns, out var scope))
                namespaces[ns] = scope = new NameAllocator();
            return scope;
        }

        var plan = new GenerationPlan(Scope(RootNamespace).Allocate("GrainManifest_" + TypeNames.Sanitize(assemblyName)));
        var plans = new Dictionary<string, InterfacePlan>(StringComparer.Ordinal);
        foreach (var model in declaring.Values)
        {
            var ns = model.Namespace.Length == 0 ? RootNamespace : RootNamespace + "." + TypeNames.Namespace(model.Namespace);
            var scope = Scope(ns);
            var interfacePlan = new InterfacePlan(model, ns, scope.Allocate(model.NameStem + "_Methods"));
            var fields = new NameAllocator([interfacePlan.MethodsClass, .. s_objectMembers]);
            foreach (var method in model.Methods)
            {
                var field = fields.Allocate(method.Name);
                interfacePlan.Methods.Add(new MethodPlan(method, interfacePlan, field, scope.Allocate(model.NameStem + "_" + field + "_Request")));
            }

            plans[model.Key] = interfacePlan;
            plan.Interfaces.Add(interfacePlan);
        }

        foreach (var info in locals)
        {
            var interfacePlan = plans[info.Interface.Key];
            var methods = new List<MethodPlan>(interfacePlan.Methods);
            foreach (var baseInterface in info.Bases)
                methods.AddRange(plans[baseInterface.Key].Methods);
            var proxyClass = Scope(interfacePlan.GeneratedNamespace).Allocate(info.Interface.NameStem + "_Proxy");
            plan.Proxies.Add(new ProxyPlan(interfacePlan, proxyClass, methods));
        }

        plan.Classes.AddRange(classes
            .Where(static info => info.Class is not null)
            .GroupBy(static info => info.Key, StringComparer.Ordinal)
            .Select(static group => group.First().Class!)
            .OrderBy(static model => model.Key, StringComparer.Ordinal));
        return plan;
    }
}
