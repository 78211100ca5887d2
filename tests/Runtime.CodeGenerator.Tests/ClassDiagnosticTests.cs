using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>MRG010..MRG017 on grain classes: each is reported where it belongs, and the valid grain next to it is still generated.</summary>
public sealed class ClassDiagnosticTests
{
    [Fact]
    public void A_private_nested_grain_class_is_the_MRG010_warning()
    {
        const string source = """
            namespace Shop;

            public class Outer
            {
                private sealed class HiddenGrain : Grain, IGood { public Task<int> Get() => Task.FromResult(2); }
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG010", "private sealed class HiddenGrain", "HiddenGrain",
            "'Shop.Outer.HiddenGrain' is private, protected or file-local, so generated code cannot reach it; no proxy or factory is generated for it",
            DiagnosticSeverity.Warning);
        DiagnosticAssert.GoodGrainStillGenerated(run, "Outer");
    }

    [Fact]
    public void A_generic_grain_class_is_MRG011()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain<T> : Grain, IGood
            {
                public Task<int> Get() => Task.FromResult(2);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG011", "public sealed class BadGrain<T>", "BadGrain",
            "Grain class 'Shop.BadGrain<T>' is generic; generic grain classes are not supported");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void A_grain_class_nested_in_a_generic_class_is_MRG011()
    {
        const string source = """
            namespace Shop;

            public class Outer<T>
            {
                public sealed class BadGrain : Grain, IGood { public Task<int> Get() => Task.FromResult(2); }
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG011", "public sealed class BadGrain", "BadGrain",
            "Grain class 'Shop.Outer<T>.BadGrain' is generic; generic grain classes are not supported");
        DiagnosticAssert.GoodGrainStillGenerated(run, "Outer");
    }

    [Fact]
    public void A_grain_class_without_a_public_constructor_is_MRG012()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain : Grain, IGood
            {
                internal BadGrain() { }
                public Task<int> Get() => Task.FromResult(2);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG012", "public sealed class BadGrain", "BadGrain",
            "Grain class 'Shop.BadGrain' has no public constructor; the generated factory needs one");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void Two_public_constructors_with_the_most_parameters_are_MRG013()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain : Grain, IGood
            {
                public BadGrain() { }
                public BadGrain(string name) { _ = name; }
                public BadGrain(IServiceProvider services) { _ = services; }
                public Task<int> Get() => Task.FromResult(2);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG013", "public sealed class BadGrain", "BadGrain",
            "Grain class 'Shop.BadGrain' has several public constructors taking the most parameters (1); the generated factory calls the public constructor with the most parameters, so it must be unique");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void A_persistent_state_parameter_of_another_type_is_MRG014_at_the_parameter()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain([PersistentState("cart")] List<string> cart) : Grain, IGood
            {
                public Task<int> Get() => Task.FromResult(cart.Count);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG014", "public sealed class BadGrain(", "cart",
            "Parameter 'cart' of the constructor of grain class 'Shop.BadGrain' is marked [PersistentState] but has type 'System.Collections.Generic.List<string>'; it must be IPersistentState<TState>");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void A_ref_constructor_parameter_is_MRG015_at_the_parameter()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain : Grain, IGood
            {
                public BadGrain(ref int seed) { seed++; }
                public Task<int> Get() => Task.FromResult(2);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG015", "public BadGrain(ref int seed)", "seed",
            "Parameter 'seed' of the constructor of grain class 'Shop.BadGrain' is ref, out, ref readonly, a ref struct or a pointer; the generated factory cannot supply it");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void A_persistent_state_without_a_name_is_MRG016_at_the_parameter()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain([PersistentState("")] IPersistentState<int> count) : Grain, IGood
            {
                public Task<int> Get() => Task.FromResult(count.State);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG016", "public sealed class BadGrain(", "count",
            "Parameter 'count' of the constructor of grain class 'Shop.BadGrain' is marked [PersistentState] without a state name");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void A_required_member_is_MRG017_at_the_grain_class()
    {
        const string source = """
            namespace Shop;

            public sealed class BadGrain : Grain, IGood
            {
                public required string Name { get; init; }
                public Task<int> Get() => Task.FromResult(Name.Length);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG017", "public sealed class BadGrain", "BadGrain",
            "Grain class 'Shop.BadGrain' has required member 'Name', which the generated factory cannot set; remove 'required' or mark the constructor [SetsRequiredMembers]");
        DiagnosticAssert.GoodGrainStillGenerated(run, "BadGrain");
    }

    [Fact]
    public void A_constructor_that_sets_required_members_is_not_MRG017()
    {
        const string source = """
            using System.Diagnostics.CodeAnalysis;

            namespace Shop;

            public sealed class NamedGrain : Grain, IGood
            {
                [SetsRequiredMembers]
                public NamedGrain() => Name = "named";

                public required string Name { get; init; }
                public Task<int> Get() => Task.FromResult(Name.Length);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source).AssertClean();

        Assert.Contains("manifest.AddGrainClass(typeof(global::Shop.NamedGrain), static (services, context) => new global::Shop.NamedGrain());",
            run.GeneratedText, StringComparison.Ordinal);
    }
}
