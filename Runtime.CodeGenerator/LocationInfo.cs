using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>
/// A source location held by value: unlike <see cref="Location"/> it does not pin a syntax tree and compares
/// equal across compilations when the span is unchanged.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location in the tree of <paramref name="compilation"/> with this path (where pragmas apply), else a path location.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && Span.End <= tree.Length)
                return Location.Create(tree, Span);
        }

        return Location.Create(FilePath, Span, LineSpan);
    }

    /// <summary>The first source location of <paramref name="symbol"/>, or null if it has none.</summary>
    public static LocationInfo? Of(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource && location.SourceTree is { } tree)
                return new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }

        return null;
    }
}
