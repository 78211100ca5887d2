using System;
using System.Collections.Generic;
using System.Globalization;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>
/// Hands out names that are unique within a scope: the first request for a name gets it, later ones get
/// <c>name_1</c>, <c>name_2</c>, and so on.
/// </summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public NameAllocator(params string[] reserved)
    {
        foreach (var name in reserved)
            _used.Add(name);
    }

    public string Allocate(string name)
    {
        if (_used.Add(name))
            return name;
        for (var i = 1; ; i++)
        {
            var candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
                return candidate;
        }
    }
}
