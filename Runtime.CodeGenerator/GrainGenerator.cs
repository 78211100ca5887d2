using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>
/// Generates, for the grain interfaces and grain classes declared in a compilation, the method metadata, request
/// classes and proxies of the interfaces, the factories of the classes, and the assembly's grain manifest.
/// </summary>
/// <remarks>
/// Syntax providers pick interface and class declarations with a base list; the transforms keep only grain
/// types and turn them into equatable models (no symbols cross the pipeline); everything is written to one file.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class GrainGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for generator tests that check caching.</summary>
    public const string InterfacesStep = "Meridian.GrainInterfaces";

    /// <inheritdoc cref="InterfacesStep"/>
    public const string ClassesStep = "Meridian.GrainClasses";

    /// <inheritdoc cref="InterfacesStep"/>
    public const string SourceStep = "Meridian.Source";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) => InterfaceAnalyzer.Analyze(syntax, cancellationToken))
            .WithTrackingName(InterfacesStep)
            .Where(static info => info is not null)
            .Select(static (info, _) => info!)
            .Collect();

        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) => ClassAnalyzer.Analyze(syntax, cancellationToken))
            .WithTrackingName(ClassesStep)
            .Where(static info => info is not null)
            .Select(static (info, _) => info!)
            .Collect();

        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty);

        context.RegisterSourceOutput(
            interfaces.Combine(classes).Combine(assemblyName).WithTrackingName(SourceStep),
            static (output, input) => SourceEmitter.Emit(output, input.Left.Left, input.Left.Right, input.Right));

        // Diagnostics need the compilation's trees for their locations; kept apart so the source stays cached.
        context.RegisterSourceOutput(
            interfaces.Combine(classes).Combine(context.CompilationProvider),
            static (output, input) => SourceEmitter.ReportDiagnostics(output, input.Left.Left, input.Left.Right, input.Right));
    }
}
