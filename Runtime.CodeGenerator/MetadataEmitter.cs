using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>Emits the static class holding one GrainMethod per method a grain interface declares.</summary>
internal static class MetadataEmitter
{
    private const string GrainMethod = KnownTypes.CodeGenerationNamespace + ".GrainMethod";
    private const string GrainMethodOptions = KnownTypes.CodeGenerationNamespace + ".GrainMethodOptions";

    public static void Emit(CodeWriter writer, InterfacePlan plan)
    {
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open("internal static class " + plan.MethodsClass);
        foreach (var method in plan.Methods)
        {
            writer.Line("public static readonly " + GrainMethod + " " + TypeNames.Identifier(method.Field) + " =");
            writer.Line("    new(typeof(" + plan.Model.TypeName + "), "
                + SymbolDisplay.FormatLiteral(method.Method.Name, quote: true) + ", "
                + Options(method.Method.Options) + ");");
        }

        writer.Close();
    }

    private static string Options(int options)
    {
        if (options == 0)
            return GrainMethodOptions + ".None";
        var flags = new List<string>();
        if ((options & GrainMethodModel.ReadOnly) != 0)
            flags.Add(GrainMethodOptions + ".ReadOnly");
        if ((options & GrainMethodModel.AlwaysInterleave) != 0)
            flags.Add(GrainMethodOptions + ".AlwaysInterleave");
        if ((options & GrainMethodModel.OneWay) != 0)
            flags.Add(GrainMethodOptions + ".OneWay");
        return string.Join(" | ", flags);
    }
}
