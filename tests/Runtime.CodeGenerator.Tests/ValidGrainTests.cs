namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>
/// Valid grains: the generator reports nothing, and the compilation with the generated code has no error and no
/// warning (the repository builds with warnings as errors).
/// </summary>
public sealed class ValidGrainTests
{
    [Fact]
    public void All_four_return_kinds_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface ICounter : IGrainWithStringKey
            {
                Task Reset();
                Task<int> Get();
                ValueTask Add(int amount);
                ValueTask<long> Total();
            }

            public sealed class CounterGrain : Grain, ICounter
            {
                private int _value;
                public Task Reset() { _value = 0; return Task.CompletedTask; }
                public Task<int> Get() => Task.FromResult(_value);
                public ValueTask Add(int amount) { _value += amount; return default; }
                public ValueTask<long> Total() => new(_value);
            }
            """).AssertClean();
    }

    [Fact]
    public void One_way_methods_returning_Task_or_ValueTask_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface INotifier : IGrainWithGuidKey
            {
                [OneWay] Task Notify(string message);
                [OneWay] ValueTask Touch();
            }

            public sealed class NotifierGrain : Grain, INotifier
            {
                public Task Notify(string message) => Task.CompletedTask;
                public ValueTask Touch() => default;
            }
            """).AssertClean();
    }

    [Fact]
    public void Read_only_and_always_interleave_methods_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IReader : IGrainWithIntegerKey
            {
                [ReadOnly] Task<string> Read();
                [AlwaysInterleave] Task Interrupt();
                [ReadOnly, AlwaysInterleave] ValueTask<int> Peek();
            }

            public sealed class ReaderGrain : Grain, IReader
            {
                public Task<string> Read() => Task.FromResult("text");
                public Task Interrupt() => Task.CompletedTask;
                public ValueTask<int> Peek() => new(1);
            }
            """).AssertClean();
    }

    [Fact]
    public void Inherited_grain_interfaces_including_a_diamond_and_a_hiding_method_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IBase : IGrainWithStringKey { Task M(); }
            public interface ILeft : IBase { new Task M(); Task<int> Left(int x); }
            public interface IRight : IBase { Task Right(); }
            public interface IDiamond : ILeft, IRight { }

            public sealed class DiamondGrain : Grain, IDiamond
            {
                Task IBase.M() => Task.CompletedTask;
                public Task M() => Task.CompletedTask;
                public Task<int> Left(int x) => Task.FromResult(x);
                public Task Right() => Task.CompletedTask;
            }
            """).AssertClean();
    }

    [Fact]
    public void A_base_grain_interface_from_another_assembly_compiles_cleanly()
    {
        var contracts = GeneratorHarness.Compile("""
            namespace Contracts;

            public interface IBase : IGrainWithStringKey
            {
                [ReadOnly] Task<string> Name();
            }
            """, "Contracts");
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public interface IDerived : Contracts.IBase { Task Rename(string name); }

            public sealed class DerivedGrain : Grain, IDerived
            {
                public Task<string> Name() => Task.FromResult("n");
                public Task Rename(string name) => Task.CompletedTask;
            }
            """, "Grains", contracts.ToMetadataReference()).AssertClean();

        // The other assembly's generated types are internal to it: the metadata of its methods is made here.
        Assert.Contains("internal static class IBase_Methods", run.GeneratedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloads_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IPrinter : IGrainWithStringKey
            {
                Task Print(int value);
                Task Print(string value);
                Task Print(string value, int copies);
            }

            public sealed class PrinterGrain : Grain, IPrinter
            {
                public Task Print(int value) => Task.CompletedTask;
                public Task Print(string value) => Task.CompletedTask;
                public Task Print(string value, int copies) => Task.CompletedTask;
            }
            """).AssertClean();
    }

    [Fact]
    public void Keyword_and_generated_looking_names_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop.@event;

            public interface @class : IGrainWithStringKey
            {
                Task @event(string @event, int @class);
                Task<int> Locals(int __turn, int __task, int __exception, int Arg0, int grain);
                Task<bool> Equals(string other);
                Task Task();
            }

            public sealed class KeywordGrain : Grain, @class
            {
                public Task @event(string @event, int @class) => System.Threading.Tasks.Task.CompletedTask;
                public Task<int> Locals(int __turn, int __task, int __exception, int Arg0, int grain) =>
                    System.Threading.Tasks.Task.FromResult(__turn + __task + __exception + Arg0 + grain);
                public Task<bool> Equals(string other) => System.Threading.Tasks.Task.FromResult(false);
                public Task Task() => System.Threading.Tasks.Task.CompletedTask;
            }
            """).AssertClean();
    }

    [Fact]
    public void Generic_typed_and_tuple_arguments_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IPeople : IGrainWithStringKey
            {
                Task Add(List<(string, int)> people);
                Task<(string Name, int Age)> Oldest(Dictionary<string, List<(string Key, int Value)>> index);
                ValueTask<int[][]> Matrix(params int[] sizes);
            }

            public sealed class PeopleGrain : Grain, IPeople
            {
                public Task Add(List<(string, int)> people) => Task.CompletedTask;
                public Task<(string Name, int Age)> Oldest(Dictionary<string, List<(string Key, int Value)>> index) => Task.FromResult(("a", 1));
                public ValueTask<int[][]> Matrix(params int[] sizes) => new(new int[0][]);
            }
            """).AssertClean();
    }

    [Fact]
    public void Nullable_arguments_and_results_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface IMaybe : IGrainWithStringKey
            {
                Task Set(string? name, int? age, List<string?>? tags);
                Task<string?> Name();
                ValueTask<int?> Age();
            }

            public sealed class MaybeGrain : Grain, IMaybe
            {
                public Task Set(string? name, int? age, List<string?>? tags) => Task.CompletedTask;
                public Task<string?> Name() => Task.FromResult<string?>(null);
                public ValueTask<int?> Age() => new((int?)null);
            }
            """).AssertClean();
    }

    [Fact]
    public void A_grain_interface_declared_without_nullable_annotations_compiles_cleanly()
    {
        GeneratorHarness.Run("""
            #nullable disable
            namespace Shop;

            public interface ILegacy : IGrainWithStringKey
            {
                Task<string> Echo(string text, List<string> more);
            }
            """).AssertClean();
    }

    [Fact]
    public void Static_members_private_helpers_and_nested_types_of_a_grain_interface_are_allowed()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface ITools : IGrainWithStringKey
            {
                const int Limit = 3;
                static int Created;
                static Task Helper() => Task.CompletedTask;
                private Task PrivateHelper() => Task.CompletedTask;
                public sealed class Options { }
                Task Run();
            }
            """).AssertClean();
    }

    [Fact]
    public void Grain_classes_with_service_constructor_parameters_compile_cleanly()
    {
        GeneratorHarness.Run("""
            using Microsoft.Extensions.Logging;

            namespace Shop;

            public interface IWorker : IGrainWithStringKey { Task Work(); }

            public enum Mode { Slow = -1, Fast = 2 }

            public sealed class WorkerGrain(
                ILogger<WorkerGrain> logger,
                TimeProvider clock,
                IServiceProvider? optional,
                int? maybe,
                int retries = 3,
                string name = "worker \"one\"",
                Mode mode = Mode.Slow,
                Mode? fallback = Mode.Fast,
                decimal rate = -1.5m,
                double ratio = double.NaN,
                CancellationToken token = default,
                ILogger? extra = null,
                in long offset = long.MinValue) : Grain, IWorker
            {
                private readonly long _offset = offset;

                public Task Work()
                {
                    logger.LogInformation("{Now} {Optional} {Maybe} {Retries} {Name} {Mode} {Fallback} {Rate} {Ratio} {Token} {Extra} {Offset}",
                        clock.GetUtcNow(), optional, maybe, retries, name, mode, fallback, rate, ratio, token, extra, _offset);
                    return Task.CompletedTask;
                }
            }
            """).AssertClean();
    }

    [Fact]
    public void Grain_classes_with_persistent_state_parameters_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public interface ICart : IGrainWithStringKey { Task Add(string item); }

            public sealed class CartState { public List<string> Items { get; } = []; }

            public sealed class CartGrain : Grain, ICart
            {
                private readonly IPersistentState<CartState> _cart;
                private readonly IPersistentState<int> _visits;

                public CartGrain(
                    [PersistentState("cart")] IPersistentState<CartState> cart,
                    [PersistentState("visits", "counters")] IPersistentState<int> visits)
                {
                    _cart = cart;
                    _visits = visits;
                }

                public Task Add(string item)
                {
                    _cart.State.Items.Add(item);
                    _visits.State++;
                    return _cart.WriteStateAsync();
                }
            }
            """).AssertClean();
    }

    [Fact]
    public void Nested_global_namespace_and_internal_grains_compile_cleanly()
    {
        GeneratorHarness.Run("""
            public interface IGlobal : IGrainWithStringKey { Task A(); }

            public class Outer
            {
                public interface IInner : IGrainWithStringKey { Task A(); }
                internal sealed class InnerGrain : Grain, IInner { public Task A() => Task.CompletedTask; }
            }

            // Same name stem as Outer.IInner: the generated names must not collide.
            public interface Outer_IInner : IGrainWithStringKey { Task A(); }

            internal interface IInternal : IGrainWithStringKey { Task A(); }

            internal sealed class ManyGrain : Grain, IGlobal, Outer_IInner, IInternal
            {
                public Task A() => Task.CompletedTask;
            }
            """).AssertClean();
    }

    [Fact]
    public void Partial_grain_interfaces_and_classes_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            public partial interface IParts : IGrainWithStringKey { Task A(); }
            public partial interface IParts : IGrainWithStringKey { Task B(); }

            public partial class PartsGrain : Grain, IParts { public Task A() => Task.CompletedTask; }
            public partial class PartsGrain : Grain { public Task B() => Task.CompletedTask; }
            """).AssertClean();
    }

    [Fact]
    public void Obsolete_grain_interfaces_and_methods_compile_cleanly()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            [Obsolete("use INew")]
            public interface IOld : IGrainWithStringKey
            {
                [Obsolete("use B")] Task A();
            }
            """).AssertClean();
    }
}
