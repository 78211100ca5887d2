using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>Compiles C# snippets against the real runtime, runs <see cref="GrainGenerator"/> over them and loads the result.</summary>
internal static class GeneratorHarness
{
    /// <summary>The path every snippet is parsed under; diagnostics of the snippet point at it.</summary>
    public const string SnippetPath = "Snippet.cs";

    /// <summary>The hint name of the one file the generator adds.</summary>
    public const string GeneratedFileName = "Meridian.Grains.g.cs";

    /// <summary>Global usings, in their own file so that line numbers in a snippet are the snippet's own.</summary>
    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Meridian.Runtime;
        global using Meridian.Runtime.Concurrency;
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The framework, the runtime and the Microsoft.Extensions abstractions grain code uses.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>A compilation of <paramref name="source"/> (plus the global usings), before generation.</summary>
    public static CSharpCompilation Compile(string source, string assemblyName = "Grains", params MetadataReference[] extraReferences) =>
        CSharpCompilation.Create(
            assemblyName,
            [
                CSharpSyntaxTree.ParseText(source, ParseOptions, SnippetPath),
                CSharpSyntaxTree.ParseText(Usings, ParseOptions, "Usings.cs"),
            ],
            [.. References, .. extraReferences],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator over <paramref name="source"/>.</summary>
    public static GeneratorRun Run(string source, string assemblyName = "Grains", params MetadataReference[] extraReferences) =>
        Run(Compile(source, assemblyName, extraReferences));

    /// <summary>Runs the generator over <paramref name="input"/>.</summary>
    public static GeneratorRun Run(Compilation input)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>Emits <paramref name="compilation"/> and loads it into a new collectible load context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        image.Position = 0;
        // Everything but the snippet itself (the runtime above all) resolves to the default context, so types are shared.
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return context.LoadFromStream(image);
    }

    /// <summary>The 0-based line of the first occurrence of <paramref name="text"/> in <paramref name="source"/>.</summary>
    public static int LineOf(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in the snippet");
        return source.AsSpan(0, index).Count('\n');
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework: every trusted assembly next to System.Private.CoreLib.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var runtime = typeof(Grain).Assembly;
        paths.Add(runtime.Location);
        paths.Add(typeof(ServiceProviderServiceExtensions).Assembly.Location);
        paths.Add(typeof(ILogger<>).Assembly.Location);
        foreach (var reference in runtime.GetReferencedAssemblies())
            paths.Add(Assembly.Load(reference).Location);

        return [.. paths.Order(StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path))];
    }
}

/// <summary>The outcome of one generator run.</summary>
internal sealed class GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> diagnostics)
{
    /// <summary>The driver after the run, to run again on an edited compilation.</summary>
    public GeneratorDriver Driver { get; } = driver;

    /// <summary>The input compilation plus the generated file.</summary>
    public Compilation Output { get; } = output;

    /// <summary>What the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; } = diagnostics;

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The files the generator added.</summary>
    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Result.GeneratedSources;

    /// <summary>The text of the one generated file.</summary>
    public string GeneratedText => Assert.Single(GeneratedSources).SourceText.ToString();

    /// <summary>Warnings and errors of the compilation after generation (generated code included).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        [.. Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    /// <summary>
    /// Asserts that the generator reported nothing, generated its file, and that the compilation, generated code
    /// included, has no warning or error.
    /// </summary>
    public GeneratorRun AssertClean()
    {
        Assert.Empty(GeneratorDiagnostics);
        Assert.Equal(GeneratorHarness.GeneratedFileName, Assert.Single(GeneratedSources).HintName);
        Assert.Empty(CompilationProblems);
        return this;
    }
}
