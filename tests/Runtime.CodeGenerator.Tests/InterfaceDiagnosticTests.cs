using Microsoft.CodeAnalysis;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>MRG001..MRG010 on grain interfaces: each is reported at the offending member, and the valid grain next to it is still generated.</summary>
public sealed class InterfaceDiagnosticTests
{
    [Fact]
    public void A_method_returning_something_other_than_a_task_is_MRG001()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                int Count();
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG001", "int Count();", "Count",
            "Grain method 'Shop.IBad.Count()' returns 'int'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_generic_method_is_MRG002()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                Task Echo<T>(T value);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG002", "Task Echo<T>", "Echo",
            "Grain method 'Shop.IBad.Echo<T>(T)' is generic; generic grain methods are not supported");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_ref_parameter_is_MRG003_at_the_parameter()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                Task Fill(ref int count);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG003", "Task Fill(", "count",
            "Parameter 'count' of grain method 'Shop.IBad.Fill(ref int)' is passed by reference; grain method parameters cannot be ref, out, in or ref readonly");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_generic_grain_interface_is_MRG004()
    {
        const string source = """
            namespace Shop;

            public interface IBad<T> : IGrainWithStringKey
            {
                Task Put(T item);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG004", "public interface IBad<T>", "IBad",
            "Grain interface 'Shop.IBad<T>' is generic; generic grain interfaces are not supported");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_one_way_method_returning_a_value_is_MRG005()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                [OneWay] Task<int> Fire();
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG005", "Task<int> Fire();", "Fire",
            "One-way grain method 'Shop.IBad.Fire()' returns 'System.Threading.Tasks.Task<int>'; a [OneWay] method must return Task or ValueTask");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_property_is_MRG006()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                int Total { get; }
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG006", "int Total", "Total",
            "Grain interface 'Shop.IBad' declares 'Shop.IBad.Total'; grain interfaces can only declare instance methods");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_method_with_a_default_implementation_is_MRG007()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                Task Reset() => Task.CompletedTask;
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG007", "Task Reset()", "Reset",
            "Grain method 'Shop.IBad.Reset()' has a default implementation; grain interface methods cannot have bodies");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_ref_struct_parameter_is_MRG008_at_the_parameter()
    {
        const string source = """
            namespace Shop;

            public interface IBad : IGrainWithStringKey
            {
                Task Load(Span<byte> buffer);
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG008", "Task Load(", "buffer",
            "Parameter 'buffer' of grain method 'Shop.IBad.Load(System.Span<byte>)' has type 'System.Span<byte>'; ref structs and pointers cannot be grain method parameters");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void Extending_a_non_grain_interface_with_members_is_MRG009_at_the_grain_interface()
    {
        const string source = """
            namespace Shop;

            public interface INamed { string Name(); }

            public interface IBad : IGrainWithStringKey, INamed
            {
                Task Ping();
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG009", "public interface IBad", "IBad",
            "Grain interface 'Shop.IBad' extends 'Shop.INamed', which is not a grain interface but declares members; a grain interface can only extend grain interfaces");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_private_nested_grain_interface_is_the_MRG010_warning()
    {
        const string source = """
            namespace Shop;

            public class Outer
            {
                private interface IHidden : IGrainWithStringKey { Task Ping(); }
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG010", "private interface IHidden", "IHidden",
            "'Shop.Outer.IHidden' is private, protected or file-local, so generated code cannot reach it; no proxy or factory is generated for it",
            DiagnosticSeverity.Warning);
        DiagnosticAssert.GoodGrainStillGenerated(run, "Outer");
    }

    [Fact]
    public void An_invalid_base_interface_from_another_assembly_is_reported_at_the_derived_interface()
    {
        var contracts = GeneratorHarness.Compile("""
            namespace Contracts;

            public interface IBase : IGrainWithStringKey
            {
                int Count();
            }
            """, "Contracts");
        const string source = """
            namespace Shop;

            public interface IBad : Contracts.IBase
            {
                Task Ping();
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source, "Grains", contracts.ToMetadataReference());

        DiagnosticAssert.ReportedOnce(run, source, "MRG001", "public interface IBad", "IBad",
            "Grain method 'Contracts.IBase.Count()' returns 'int'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }

    [Fact]
    public void A_problem_in_a_partial_interface_is_reported_once()
    {
        const string source = """
            namespace Shop;

            public partial interface IBad : IGrainWithStringKey
            {
                int Count();
            }

            public partial interface IBad : IGrainWithStringKey
            {
                Task Ping();
            }
            """ + DiagnosticAssert.GoodGrain;

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.ReportedOnce(run, source, "MRG001", "int Count();", "Count",
            "Grain method 'Shop.IBad.Count()' returns 'int'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");
        DiagnosticAssert.GoodGrainStillGenerated(run, "IBad");
    }
}
