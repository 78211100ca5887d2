namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>The shape of the generated file, read as text: what the runtime looks for and how calls are made.</summary>
public sealed class GeneratedSourceTests
{
    private const string Cart = """
        namespace Shop;

        public interface ICart : IGrainWithStringKey
        {
            Task Add(string item);
            [ReadOnly] Task<int> Count();
            [AlwaysInterleave] ValueTask Cancel();
            [ReadOnly, AlwaysInterleave] ValueTask<string> Peek();
            [OneWay] Task Touch();
        }
        """;

    [Fact]
    public void A_compilation_without_grains_gets_no_generated_file()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public interface IPlain { Task Run(); }

            public sealed class Plain : IPlain { public Task Run() => Task.CompletedTask; }
            """);

        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_compilation_whose_only_grain_interface_is_invalid_gets_no_generated_file()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public interface IBad : IGrainWithStringKey { int Count(); }
            """);

        Assert.Empty(run.GeneratedSources);
        Assert.Equal("MRG001", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_grain_interface_without_a_grain_class_still_gets_a_proxy()
    {
        var run = GeneratorHarness.Run(Cart).AssertClean();

        Assert.Contains(
            "internal sealed class ICart_Proxy : global::Meridian.Runtime.CodeGeneration.GrainReference, global::Shop.ICart",
            run.GeneratedText, StringComparison.Ordinal);
        Assert.Contains(
            "manifest.AddInterface(typeof(global::Shop.ICart), static (shared, grainId) => new global::Meridian.Generated.Shop.ICart_Proxy(shared, grainId));",
            run.GeneratedText, StringComparison.Ordinal);
        Assert.DoesNotContain("AddGrainClass", run.GeneratedText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_assembly_names_its_manifest_provider_after_the_assembly()
    {
        var run = GeneratorHarness.Run(Cart, "My.Shop-App").AssertClean();

        Assert.Contains(
            "[assembly: global::Meridian.Runtime.CodeGeneration.GrainManifestProvider(typeof(global::Meridian.Generated.GrainManifest_My_Shop_App))]",
            run.GeneratedText, StringComparison.Ordinal);
        Assert.Contains(
            "internal sealed class GrainManifest_My_Shop_App : global::Meridian.Runtime.CodeGeneration.IGrainManifestProvider",
            run.GeneratedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_attributes_become_grain_method_options()
    {
        var text = GeneratorHarness.Run(Cart).AssertClean().GeneratedText;

        const string Options = "global::Meridian.Runtime.CodeGeneration.GrainMethodOptions.";
        Assert.Contains("new(typeof(global::Shop.ICart), \"Add\", " + Options + "None);", text, StringComparison.Ordinal);
        Assert.Contains("new(typeof(global::Shop.ICart), \"Count\", " + Options + "ReadOnly);", text, StringComparison.Ordinal);
        Assert.Contains("new(typeof(global::Shop.ICart), \"Cancel\", " + Options + "AlwaysInterleave);", text, StringComparison.Ordinal);
        Assert.Contains("new(typeof(global::Shop.ICart), \"Peek\", " + Options + "ReadOnly | " + Options + "AlwaysInterleave);", text, StringComparison.Ordinal);
        Assert.Contains("new(typeof(global::Shop.ICart), \"Touch\", " + Options + "OneWay);", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_way_method_is_sent_without_waiting()
    {
        var text = GeneratorHarness.Run(Cart).AssertClean().GeneratedText;

        Assert.Contains("""
                    global::System.Threading.Tasks.Task global::Shop.ICart.Touch()
                    {
                        this.SendOneWay<global::Meridian.Runtime.CodeGeneration.VoidResult>(new global::Meridian.Generated.Shop.ICart_Touch_Request());
                        return global::System.Threading.Tasks.Task.CompletedTask;
                    }
            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_method_gets_a_request_class_that_carries_its_arguments()
    {
        var text = GeneratorHarness.Run(Cart).AssertClean().GeneratedText;

        Assert.Contains(
            "internal sealed class ICart_Add_Request : global::Meridian.Runtime.CodeGeneration.GrainRequest<global::Meridian.Runtime.CodeGeneration.VoidResult>",
            text, StringComparison.Ordinal);
        Assert.Contains("public string Arg0 = default!;", text, StringComparison.Ordinal);
        Assert.Contains("internal sealed class ICart_Count_Request : global::Meridian.Runtime.CodeGeneration.GrainRequest<int>", text, StringComparison.Ordinal);
        Assert.Contains("internal sealed class ICart_Peek_Request : global::Meridian.Runtime.CodeGeneration.GrainRequest<string>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloads_get_distinct_metadata_fields_and_request_classes()
    {
        var text = GeneratorHarness.Run("""
            namespace Shop;

            public interface IPrinter : IGrainWithStringKey
            {
                Task Print(int value);
                Task Print(string value);
            }
            """).AssertClean().GeneratedText;

        Assert.Contains("GrainMethod Print =", text, StringComparison.Ordinal);
        Assert.Contains("GrainMethod Print_1 =", text, StringComparison.Ordinal);
        Assert.Contains("class IPrinter_Print_Request ", text, StringComparison.Ordinal);
        Assert.Contains("class IPrinter_Print_1_Request ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_take_services_defaults_and_persistent_state_from_the_right_places()
    {
        var text = GeneratorHarness.Run("""
            namespace Shop;

            public interface ICart : IGrainWithStringKey { Task Add(string item); }

            public sealed class CartGrain(
                TimeProvider clock,
                IServiceProvider? optional,
                [PersistentState("cart")] IPersistentState<List<string>> cart,
                [PersistentState("visits", "counters")] IPersistentState<int> visits,
                int retries = 3) : Grain, ICart
            {
                public Task Add(string item) => Task.FromResult((clock, optional, cart, visits, retries));
            }
            """).AssertClean().GeneratedText;

        Assert.Contains("""
                        manifest.AddGrainClass(typeof(global::Shop.CartGrain), static (services, context) => new global::Shop.CartGrain(
                            global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::System.TimeProvider>(services),
                            global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<global::System.IServiceProvider>(services),
                            context.GetPersistentState<global::System.Collections.Generic.List<string>>("cart", "Default"),
                            context.GetPersistentState<int>("visits", "counters"),
                            (services.GetService(typeof(int)) is { } __arg4 ? (int)__arg4 : (int)(3))));
            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_grain_interface_gets_one_proxy()
    {
        var text = GeneratorHarness.Run("""
            namespace Shop;

            public partial interface IParts : IGrainWithStringKey { Task A(); }
            public partial interface IParts : IGrainWithStringKey { Task B(); }
            """).AssertClean().GeneratedText;

        Assert.Single(text.Split('\n'), line => line.Contains("class IParts_Proxy", StringComparison.Ordinal));
        Assert.Single(text.Split('\n'), line => line.Contains("manifest.AddInterface(typeof(global::Shop.IParts)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_file_does_not_depend_on_declaration_order()
    {
        const string first = """
            namespace Shop;
            public interface IA : IGrainWithStringKey { Task A(); }
            public sealed class AGrain : Grain, IA { public Task A() => Task.CompletedTask; }
            """;
        const string second = """
            namespace Shop;
            public interface IB : IGrainWithStringKey { Task B(); }
            public sealed class BGrain : Grain, IB { public Task B() => Task.CompletedTask; }
            """;

        var forwards = GeneratorHarness.Run(first + "\n" + second.Replace("namespace Shop;", "", StringComparison.Ordinal)).AssertClean();
        var backwards = GeneratorHarness.Run(second + "\n" + first.Replace("namespace Shop;", "", StringComparison.Ordinal)).AssertClean();

        Assert.Equal(forwards.GeneratedText, backwards.GeneratedText);
    }
}
