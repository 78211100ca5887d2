using System.Linq;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>
/// Emits the proxy of a grain interface: a GrainReference implementing every method of the interface and of its
/// base grain interfaces explicitly. A call runs inline when the runtime lets it, and is sent as a request otherwise.
/// </summary>
internal static class ProxyEmitter
{
    private const string Tasks = "global::System.Threading.Tasks";

    public static void Emit(CodeWriter writer, ProxyPlan plan)
    {
        writer.Line(SourceEmitter.GeneratedCodeAttribute);
        writer.Open("internal sealed class " + plan.ProxyClass + " : " + KnownTypes.CodeGenerationNamespace + ".GrainReference, " + plan.Interface.Model.TypeName);
        writer.Line("public " + plan.ProxyClass + "(" + KnownTypes.CodeGenerationNamespace + ".GrainReferenceShared shared, global::Meridian.Runtime.GrainId grainId)");
        writer.Line("    : base(shared, grainId)");
        writer.Line("{");
        writer.Line("}");
        foreach (var method in plan.Methods)
        {
            writer.Line();
            EmitMethod(writer, method);
        }

        writer.Close();
    }

    private static void EmitMethod(CodeWriter writer, MethodPlan plan)
    {
        var method = plan.Method;
        var parameters = method.Parameters;
        writer.Open(method.ReturnType + " " + plan.Declaring.Model.TypeName + "." + TypeNames.Identifier(method.Name)
            + "(" + string.Join(", ", parameters.Select(static p => p.Type + " " + p.Name)) + ")");

        var request = "new " + plan.RequestClassFullName + (parameters.Count == 0
            ? "()"
            : " { " + string.Join(", ", parameters.Select(static (p, i) => RequestEmitter.Field(i) + " = " + p.Name)) + " }");

        // 'this.' keeps a parameter named like a GrainReference member from hiding it.
        if (method.IsOneWay)
        {
            writer.Line("this.SendOneWay<" + method.ResultType + ">(" + request + ");");
            writer.Line(method.ReturnKind == ReturnKind.Task ? "return " + Tasks + ".Task.CompletedTask;" : "return default;");
            writer.Close();
            return;
        }

        // Locals must not collide with parameter names.
        var locals = new NameAllocator(parameters.Select(static p => p.Name.TrimStart('@')).ToArray());
        var turn = locals.Allocate("__turn");
        var task = locals.Allocate("__task");
        var exception = locals.Allocate("__exception");
        var call = "((" + plan.Declaring.Model.TypeName + ")" + turn + ".Grain)." + TypeNames.Identifier(method.Name)
            + "(" + string.Join(", ", parameters.Select(static p => p.Name)) + ")";

        writer.Open("if (this.TryEnterInline(" + plan.FieldReference + ", out var " + turn + "))");
        writer.Line(method.ReturnType + " " + task + ";");
        writer.Open("try");
        writer.Line(task + " = " + call + ";");
        writer.Close();
        writer.Open("catch (global::System.Exception " + exception + ")");
        writer.Line(task + " = " + FromException(method) + "(" + exception + ");");
        writer.Close();
        writer.Line();
        writer.Line("return " + turn + ".Complete(" + task + ");");
        writer.Close();
        writer.Line();

        var send = "this.SendAsync<" + method.ResultType + ">(" + request + ")";
        writer.Line("return " + method.ReturnKind switch
        {
            ReturnKind.ValueTask => "new " + Tasks + ".ValueTask(" + send + ")",
            ReturnKind.ValueTaskOfT => "new " + Tasks + ".ValueTask<" + method.ResultType + ">(" + send + ")",
            _ => send,
        } + ";");
        writer.Close();
    }

    private static string FromException(GrainMethodModel method) => method.ReturnKind switch
    {
        ReturnKind.Task => Tasks + ".Task.FromException",
        ReturnKind.TaskOfT => Tasks + ".Task.FromException<" + method.ResultType + ">",
        ReturnKind.ValueTask => Tasks + ".ValueTask.FromException",
        _ => Tasks + ".ValueTask.FromException<" + method.ResultType + ">",
    };
}
