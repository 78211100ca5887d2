using System.Collections;
using System.Reflection;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>The generated code, compiled and loaded: what the runtime finds in it through reflection.</summary>
public sealed class ManifestTests
{
    private const string Shop = """
        namespace Shop;

        public interface ICart : IGrainWithStringKey
        {
            Task Add(string item);
            [ReadOnly] Task<int> Count();
            [AlwaysInterleave] ValueTask Cancel();
            [ReadOnly, AlwaysInterleave] ValueTask<string> Peek();
            [OneWay] Task Touch();
        }

        public interface ISpecialCart : ICart { Task Special(); }

        public interface IUnimplemented : IGrainWithGuidKey { Task Nothing(); }

        public sealed class CartGrain([PersistentState("cart")] IPersistentState<List<string>> cart) : Grain, ISpecialCart
        {
            public Task Add(string item) { cart.State.Add(item); return Task.CompletedTask; }
            public Task<int> Count() => Task.FromResult(cart.State.Count);
            public ValueTask Cancel() => default;
            public ValueTask<string> Peek() => new(cart.State[0]);
            public Task Touch() => Task.CompletedTask;
            public Task Special() => Task.CompletedTask;
        }
        """;

    private static readonly Lazy<Assembly> s_shop = new(() => GeneratorHarness.Load(GeneratorHarness.Run(Shop).AssertClean().Output));

    private static Assembly ShopAssembly => s_shop.Value;

    [Fact]
    public void The_assembly_attribute_names_a_manifest_provider_with_a_parameterless_constructor()
    {
        var attribute = ShopAssembly.GetCustomAttribute<GrainManifestProviderAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal("Meridian.Generated.GrainManifest_Grains", attribute.ProviderType.FullName);
        Assert.IsAssignableFrom<IGrainManifestProvider>(Activator.CreateInstance(attribute.ProviderType));
    }

    [Fact]
    public void The_manifest_registers_every_grain_interface_including_those_without_a_class()
    {
        var manifest = Populate();

        Assert.Equal(
            ["Shop.ICart", "Shop.ISpecialCart", "Shop.IUnimplemented"],
            Registered(manifest, "Interfaces").Select(type => type.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_manifest_registers_every_grain_class()
    {
        var manifest = Populate();

        Assert.Equal(["Shop.CartGrain"], Registered(manifest, "Classes").Select(type => type.FullName));
    }

    [Fact]
    public void Each_proxy_is_a_grain_reference_implementing_its_interface()
    {
        var cart = ShopAssembly.GetType("Shop.ICart", throwOnError: true)!;
        var special = ShopAssembly.GetType("Shop.ISpecialCart", throwOnError: true)!;

        var cartProxy = ShopAssembly.GetType("Meridian.Generated.Shop.ICart_Proxy", throwOnError: true)!;
        var specialProxy = ShopAssembly.GetType("Meridian.Generated.Shop.ISpecialCart_Proxy", throwOnError: true)!;

        Assert.True(cartProxy.IsSubclassOf(typeof(GrainReference)));
        Assert.True(cartProxy.IsAssignableTo(cart));
        Assert.True(specialProxy.IsSubclassOf(typeof(GrainReference)));
        Assert.True(specialProxy.IsAssignableTo(special));
        Assert.True(specialProxy.IsAssignableTo(cart));
    }

    [Fact]
    public void Each_method_is_described_once_with_its_declaring_interface_and_options()
    {
        var cart = ShopAssembly.GetType("Shop.ICart", throwOnError: true)!;
        var special = ShopAssembly.GetType("Shop.ISpecialCart", throwOnError: true)!;

        Assert.Equal(
            [
                ("Add", cart, GrainMethodOptions.None),
                ("Count", cart, GrainMethodOptions.ReadOnly),
                ("Cancel", cart, GrainMethodOptions.AlwaysInterleave),
                ("Peek", cart, GrainMethodOptions.ReadOnly | GrainMethodOptions.AlwaysInterleave),
                ("Touch", cart, GrainMethodOptions.OneWay),
            ],
            Methods("Meridian.Generated.Shop.ICart_Methods"));
        Assert.Equal([("Special", special, GrainMethodOptions.None)], Methods("Meridian.Generated.Shop.ISpecialCart_Methods"));
    }

    private static GrainManifestBuilder Populate()
    {
        var attribute = ShopAssembly.GetCustomAttribute<GrainManifestProviderAttribute>()!;
        var provider = (IGrainManifestProvider)Activator.CreateInstance(attribute.ProviderType)!;
        var manifest = new GrainManifestBuilder();
        provider.Populate(manifest);
        return manifest;
    }

    /// <summary>The keys of the builder's internal Interfaces or Classes dictionary.</summary>
    private static IEnumerable<Type> Registered(GrainManifestBuilder manifest, string property)
    {
        var registrations = typeof(GrainManifestBuilder)
            .GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(manifest);
        return ((IDictionary)registrations!).Keys.Cast<Type>();
    }

    private static IEnumerable<(string Name, Type Interface, GrainMethodOptions Options)> Methods(string methodsClass) =>
        ShopAssembly.GetType(methodsClass, throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(field => field.MetadataToken)
            .Select(field => (GrainMethod)field.GetValue(null)!)
            .Select(method => (method.Name, method.InterfaceType, method.Options));
}
