namespace Meridian.Runtime.CodeGenerator;

/// <summary>Where the generated factory gets a constructor argument from.</summary>
internal enum ArgumentSource
{
    /// <summary><c>GetRequiredService&lt;T&gt;(services)</c>.</summary>
    RequiredService,

    /// <summary><c>GetService&lt;T&gt;(services)</c>: the parameter is nullable, so a missing service is passed as null.</summary>
    OptionalService,

    /// <summary>The service if registered, otherwise the parameter's default value.</summary>
    ServiceOrDefault,

    /// <summary><c>context.GetPersistentState&lt;TState&gt;(stateName, storageName)</c>.</summary>
    PersistentState,
}

/// <summary>One argument of the grain class constructor the factory calls.</summary>
/// <param name="Source">Where the argument comes from.</param>
/// <param name="Type">
/// For services: the type argument of GetRequiredService/GetService (top-level nullable annotation removed).
/// For persistent state: TState.
/// </param>
/// <param name="RuntimeType">For <see cref="ArgumentSource.ServiceOrDefault"/>: the type for <c>typeof</c> and the pattern, without nullable annotations or Nullable&lt;T&gt;.</param>
/// <param name="DefaultValue">For <see cref="ArgumentSource.ServiceOrDefault"/>: the C# expression of the default value.</param>
/// <param name="StateName">For <see cref="ArgumentSource.PersistentState"/>: the state name.</param>
/// <param name="StorageName">For <see cref="ArgumentSource.PersistentState"/>: the storage provider name.</param>
internal sealed record ConstructorArgumentModel(
    ArgumentSource Source,
    string Type,
    string? RuntimeType = null,
    string? DefaultValue = null,
    string? StateName = null,
    string? StorageName = null);

/// <summary>A grain class and how to construct it.</summary>
internal sealed record GrainClassModel(string Key, string TypeName, EquatableArray<ConstructorArgumentModel> Arguments);

/// <summary>What the pipeline learns from one grain class: the class (null if no factory can be generated) and the problems found.</summary>
internal sealed record GrainClassInfo(string Key, GrainClassModel? Class, EquatableArray<DiagnosticInfo> Diagnostics);
