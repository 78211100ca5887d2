using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>Emits the assembly's manifest: proxy factories for its grain interfaces and factories for its grain classes.</summary>
internal static class ManifestEmitter
{
    private const string ServiceProviderExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";

    public static string AssemblyAttribute(GenerationPlan plan) =>
        "[assembly: " + KnownTypes.CodeGenerationNamespace + ".GrainManifestProvider(typeof(" + plan.ManifestClassFullName + "))]";

    public static void Emit(CodeWriter writer, GenerationPlan plan)
    {
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open("internal sealed class " + plan.ManifestClass + " : " + KnownTypes.CodeGenerationNamespace + ".IGrainManifestProvider");
        writer.Open("public void Populate(" + KnownTypes.CodeGenerationNamespace + ".GrainManifestBuilder manifest)");
        foreach (var proxy in plan.Proxies)
        {
            writer.Line("manifest.AddInterface(typeof(" + proxy.Interface.Model.TypeName + "), static (shared, grainId) => new "
                + proxy.ProxyClassFullName + "(shared, grainId));");
        }

        foreach (var grainClass in plan.Classes)
        {
            var create = "manifest.AddGrainClass(typeof(" + grainClass.TypeName + "), static (services, context) => new " + grainClass.TypeName + "(";
            var arguments = grainClass.Arguments;
            if (arguments.Count == 0)
            {
                writer.Line(create + "));");
                continue;
            }

            writer.Line(create);
            for (var i = 0; i < arguments.Count; i++)
                writer.Line("    " + Argument(arguments[i], i) + (i == arguments.Count - 1 ? "));" : ","));
        }

        writer.Close();
        writer.Close();
    }

    private static string Argument(ConstructorArgumentModel argument, int index) => argument.Source switch
    {
        ArgumentSource.RequiredService => ServiceProviderExtensions + ".GetRequiredService<" + argument.Type + ">(services)",
        ArgumentSource.OptionalService => ServiceProviderExtensions + ".GetService<" + argument.Type + ">(services)",
        ArgumentSource.ServiceOrDefault => ServiceOrDefault(argument, "__arg" + index.ToString(CultureInfo.InvariantCulture)),
        _ => "context.GetPersistentState<" + argument.Type + ">("
            + SymbolDisplay.FormatLiteral(argument.StateName!, quote: true) + ", "
            + SymbolDisplay.FormatLiteral(argument.StorageName!, quote: true) + ")",
    };

    /// <summary>
    /// The registered service or the parameter's default. A cast, not a type pattern: a tuple type or dynamic is
    /// not a valid pattern.
    /// </summary>
    private static string ServiceOrDefault(ConstructorArgumentModel argument, string variable) =>
        "(services.GetService(typeof(" + argument.RuntimeType + ")) is { } " + variable
        + " ? (" + argument.Type + ")" + variable + " : " + argument.DefaultValue + ")";
}
