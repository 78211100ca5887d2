using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>Checks one generator diagnostic: id, severity, where it points in the snippet, and its message.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// A valid grain interface and class, appended to every bad snippet: the generator must still generate them.
    /// Appended at the end so that the snippet's own line numbers do not move.
    /// </summary>
    public const string GoodGrain = """

        public interface IGood : IGrainWithStringKey { Task<int> Get(); }

        public sealed class GoodGrain : Grain, IGood { public Task<int> Get() => Task.FromResult(1); }
        """;

    /// <summary>
    /// Asserts that the generator reported exactly one diagnostic, <paramref name="id"/>, at <paramref name="identifier"/>
    /// on the line of the snippet that contains <paramref name="line"/>, with <paramref name="message"/>.
    /// </summary>
    public static void ReportedOnce(
        GeneratorRun run, string source, string id, string line, string identifier, string message,
        DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SnippetPath, span.Path);
        Assert.Equal(GeneratorHarness.LineOf(source, line), span.StartLinePosition.Line);
        var sourceSpan = diagnostic.Location.SourceSpan;
        Assert.Equal(identifier, source.Substring(sourceSpan.Start, sourceSpan.Length));
    }

    /// <summary>
    /// Asserts that the valid grain of <see cref="GoodGrain"/> was generated, that nothing was generated for
    /// <paramref name="badType"/> (a type of namespace Shop), and that the compilation, generated code included, has
    /// no warning or error.
    /// </summary>
    public static void GoodGrainStillGenerated(GeneratorRun run, string badType)
    {
        var text = run.GeneratedText;
        Assert.Contains("manifest.AddInterface(typeof(global::Shop.IGood),", text, StringComparison.Ordinal);
        Assert.Contains("manifest.AddGrainClass(typeof(global::Shop.GoodGrain),", text, StringComparison.Ordinal);
        Assert.DoesNotContain("global::Shop." + badType, text, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }
}
