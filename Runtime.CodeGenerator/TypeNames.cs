using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>How generated code spells types and identifiers.</summary>
internal static class TypeNames
{
    /// <summary><c>global::</c>-qualified, special types as keywords, keywords escaped, tuples with element names, nullable annotations kept.</summary>
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The same without nullable reference annotations anywhere, for <c>typeof</c>.</summary>
    private static readonly SymbolDisplayFormat s_fullyQualifiedOblivious = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The fully qualified name with nullable annotations, e.g. <c>global::System.Collections.Generic.List&lt;string?&gt;</c>.</summary>
    public static string FullName(ITypeSymbol type) => type.ToDisplayString(s_fullyQualified);

    /// <summary>The fully qualified name without the top-level nullable reference annotation (nested ones are kept).</summary>
    public static string FullNameNotAnnotated(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_fullyQualified);

    /// <summary>The fully qualified name without any nullable reference annotation.</summary>
    public static string FullNameOblivious(ITypeSymbol type) => type.ToDisplayString(s_fullyQualifiedOblivious);

    /// <summary>A name for messages, e.g. <c>Shop.ICart</c>.</summary>
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary>An identifier as C# source: keywords get an '@'.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A dotted namespace name with each part escaped.</summary>
    public static string Namespace(string dotted)
    {
        var parts = dotted.Split('.');
        for (var i = 0; i < parts.Length; i++)
            parts[i] = Identifier(parts[i]);
        return string.Join(".", parts);
    }

    /// <summary>True for reference types that are not annotated nullable: fields of such a type need <c>= default!</c>.</summary>
    public static bool IsNonNullableReference(ITypeSymbol type) =>
        type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.Annotated;

    /// <summary>True for <c>T?</c>: annotated reference types and Nullable&lt;T&gt;.</summary>
    public static bool IsNullable(ITypeSymbol type) =>
        (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>Containing type names and the type's name joined by '_': <c>Outer_ICart</c>.</summary>
    public static string NameStem(INamedTypeSymbol type)
    {
        var builder = new StringBuilder(type.Name);
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            builder.Insert(0, container.Name + "_");
        return builder.ToString();
    }

    /// <summary>The containing namespace, unescaped and dotted; empty for the global namespace.</summary>
    public static string ContainingNamespace(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            builder.Insert(0, builder.Length == 0 ? ns.Name : ns.Name + ".");
        return builder.ToString();
    }

    /// <summary>A key that tells types apart across assemblies: metadata name plus assembly name.</summary>
    public static string Key(INamedTypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ", " + (type.ContainingAssembly?.Name ?? string.Empty);

    /// <summary>Makes an identifier from arbitrary text (e.g. an assembly name): non-identifier characters become '_'.</summary>
    public static string Sanitize(string text)
    {
        if (text.Length == 0)
            return "_";
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }
}
