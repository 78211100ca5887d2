using System.Globalization;
using System.Linq;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>
/// Emits the request class of a grain method: one public field per argument, boxed access for filters, and
/// <c>InvokeAsync</c>, which calls the method on the grain instance.
/// </summary>
internal static class RequestEmitter
{
    public static void Emit(CodeWriter writer, MethodPlan plan)
    {
        var method = plan.Method;
        var parameters = method.Parameters;
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open("internal sealed class " + plan.RequestClass + " : " + KnownTypes.CodeGenerationNamespace + ".GrainRequest<" + method.ResultType + ">");
        for (var i = 0; i < parameters.Count; i++)
            writer.Line("public " + parameters[i].Type + " " + Field(i) + (parameters[i].NeedsInitializer ? " = default!;" : ";"));
        if (parameters.Count > 0)
            writer.Line();

        writer.Line("public override " + KnownTypes.CodeGenerationNamespace + ".GrainMethod Method => " + plan.FieldReference + ";");
        writer.Line();
        writer.Line("public override int ArgumentCount => " + parameters.Count.ToString(CultureInfo.InvariantCulture) + ";");
        writer.Line();
        const string OutOfRange = "throw new global::System.ArgumentOutOfRangeException(nameof(index))";
        if (parameters.Count == 0)
        {
            writer.Line("public override object? GetArgument(int index) => " + OutOfRange + ";");
        }
        else
        {
            // Each arm is cast to object so that no arm widens another (an int argument must not come back as a long).
            writer.Open("public override object? GetArgument(int index) => index switch");
            for (var i = 0; i < parameters.Count; i++)
                writer.Line(i.ToString(CultureInfo.InvariantCulture) + " => (object?)" + Field(i) + ",");
            writer.Line("_ => " + OutOfRange + ",");
            writer.Close(";");
        }

        writer.Line();
        var call = "((" + plan.Declaring.Model.TypeName + ")grain)." + TypeNames.Identifier(method.Name)
            + "(" + string.Join(", ", Enumerable.Range(0, parameters.Count).Select(Field)) + ")";
        var invoke = method.ReturnKind switch
        {
            ReturnKind.TaskOfT => "new global::System.Threading.Tasks.ValueTask<" + method.ResultType + ">(" + call + ")",
            ReturnKind.ValueTaskOfT => call,
            _ => KnownTypes.CodeGenerationNamespace + ".VoidResult.From(" + call + ")",
        };
        writer.Line("public override global::System.Threading.Tasks.ValueTask<" + method.ResultType + "> InvokeAsync(object grain) =>");
        writer.Line("    " + invoke + ";");
        writer.Close();
    }

    /// <summary>The name of the request field holding argument <paramref name="index"/>.</summary>
    public static string Field(int index) => "Arg" + index.ToString(CultureInfo.InvariantCulture);
}
