namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>Generator bugs found by testing, each kept as the specification of its fix.</summary>
public sealed class GeneratorRegressionTests
{
    [Fact]
    public void A_ref_struct_constructor_parameter_is_reported_instead_of_generating_code_that_does_not_compile()
    {
        const string source = """
            namespace Shop;

            public sealed class SpanGrain : Grain, IGood
            {
                public SpanGrain(Span<int> buffer) { _ = buffer.Length; }
                public Task<int> Get() => Task.FromResult(2);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "MRG015");
    }

    [Fact]
    public void A_tuple_constructor_parameter_with_a_default_value_gets_a_factory_that_compiles()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IRange : IGrainWithStringKey { Task<int> Width(); }

            public sealed class RangeGrain((int Low, int High) bounds = default) : Grain, IRange
            {
                public Task<int> Width() => Task.FromResult(bounds.High - bounds.Low);
            }
            """).AssertClean();
    }

    [Fact]
    public void A_dynamic_constructor_parameter_with_a_default_value_gets_a_factory_that_compiles()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IBag : IGrainWithStringKey { Task<string> Show(); }

            public sealed class BagGrain(dynamic? settings = null) : Grain, IBag
            {
                public Task<string> Show() => Task.FromResult((string)(settings?.ToString() ?? "none"));
            }
            """).AssertClean();
    }

    [Fact]
    public void A_sealed_helper_method_of_a_grain_interface_is_not_reported()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public interface IGreeter : IGrainWithStringKey
            {
                Task<string> Greet(string name);
                sealed Task<string> GreetWorld() => Greet("world");
            }
            """).AssertClean();

        Assert.Contains("class IGreeter_Proxy", run.GeneratedText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_MRG010_warning_can_be_suppressed_with_pragma_warning_disable()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public class Outer
            {
            #pragma warning disable MRG010 // Deliberately private: only reachable through IGood from another class.
                private sealed class HiddenGrain : Grain, IGood { public Task<int> Get() => Task.FromResult(2); }
            #pragma warning restore MRG010
            }
            """ + DiagnosticAssert.GoodGrain);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MRG010", diagnostic.Id);
        Assert.True(diagnostic.IsSuppressed);
    }
}
