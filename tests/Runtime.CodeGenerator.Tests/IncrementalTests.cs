using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>The pipeline's models compare by value, so edits that change no grain regenerate nothing.</summary>
public sealed class IncrementalTests
{
    private const string Cart = """
        namespace Shop;

        public interface ICart : IGrainWithStringKey { Task Add(string item); [ReadOnly] Task<int> Count(); }

        public sealed class CartGrain : Grain, ICart
        {
            public Task Add(string item) => Task.CompletedTask;
            public Task<int> Count() => Task.FromResult(0);
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var input = GeneratorHarness.Compile(Cart);
        var first = GeneratorHarness.Run(input);

        var edited = input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop; public sealed class Unrelated { public int Value { get; set; } }",
            GeneratorHarness.ParseOptions,
            "Unrelated.cs",
            cancellationToken: TestContext.Current.CancellationToken));
        var second = Rerun(first, edited);

        AssertUnchanged(second, GrainGenerator.InterfacesStep);
        AssertUnchanged(second, GrainGenerator.ClassesStep);
        AssertOutputCached(second);
    }

    [Fact]
    public void Editing_a_grain_method_body_regenerates_nothing()
    {
        var input = GeneratorHarness.Compile(Cart);
        var first = GeneratorHarness.Run(input);

        var tree = input.SyntaxTrees.First();
        var edited = input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText(TestContext.Current.CancellationToken).Replace(
            Cart.IndexOf("Task.FromResult(0)", StringComparison.Ordinal), "Task.FromResult(0)".Length, "Task.FromResult(42)")));
        var second = Rerun(first, edited);

        AssertUnchanged(second, GrainGenerator.ClassesStep);
        AssertOutputCached(second);
    }

    [Fact]
    public void Adding_a_grain_method_regenerates_the_file()
    {
        var input = GeneratorHarness.Compile(Cart);
        var first = GeneratorHarness.Run(input);

        var tree = input.SyntaxTrees.First();
        var edited = input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText(TestContext.Current.CancellationToken).Replace(
            Cart.IndexOf("[ReadOnly]", StringComparison.Ordinal), 0, "Task Clear(); ")));
        var second = Rerun(first, edited);

        Assert.Contains(second.TrackedSteps[GrainGenerator.InterfacesStep].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("global::Shop.ICart.Clear()", second.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    private static GeneratorRunResult Rerun(GeneratorRun first, Compilation edited) =>
        first.Driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

    /// <summary>Every output of <paramref name="step"/> equals the previous run's.</summary>
    private static void AssertUnchanged(GeneratorRunResult result, string step)
    {
        var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
    }

    /// <summary>
    /// The generated file's inputs did not change, so its output step reused the file. (Diagnostics are reported by
    /// a separate step that reads the compilation's trees, and runs on every compilation.)
    /// </summary>
    private static void AssertOutputCached(GeneratorRunResult result) => AssertUnchanged(result, GrainGenerator.SourceStep);
}
