using System.Globalization;

namespace Meridian.Silo.Commands;

/// <summary>
/// A command's arguments: <c>--name value</c> options, <c>--name</c> flags (the command says which names are flags),
/// and the rest in order. Options are read (and so marked as used) one by one; whatever is left unread is unknown,
/// and <see cref="UnknownOptions"/> lists it so the command can name it.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> for a repeated option or one with no value.</summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        var parsed = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                parsed.Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? value = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
                (name, value) = (name[..equals], name[(equals + 1)..]);
            if (flagNames.Contains(name))
            {
                if (value is not null)
                    throw new UsageException($"--{name} takes no value");
                parsed._flags.Add(name);
                continue;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                    throw new UsageException($"--{name} needs a value");
                value = args[++i];
            }
            if (!parsed._options.TryAdd(name, value))
                throw new UsageException($"--{name} is given twice");
        }
        return parsed;
    }

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        return _flags.Contains(name);
    }

    /// <summary>The option's text, or null when it was not given.</summary>
    public string? Text(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    /// <summary>The option as a decimal, or <paramref name="fallback"/>; throws <see cref="UsageException"/> when it is not a number.</summary>
    public decimal? Decimal(string name, decimal? fallback = null) =>
        Text(name) is not { } text ? fallback
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"--{name} '{text}' is not a number; write it like 100 or 0.5");

    /// <summary>The option as an integer, or <paramref name="fallback"/>.</summary>
    public int? Integer(string name, int? fallback = null) =>
        Text(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"--{name} '{text}' is not a whole number");

    /// <summary>The option as a date (yyyy-MM-dd), or null.</summary>
    public DateOnly? Date(string name) =>
        Text(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value
        : throw new UsageException($"--{name} '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-31");

    /// <summary>Options given but never read, with their values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnknownOptions =>
        [.. _options.Where(o => !_read.Contains(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal)];
}

/// <summary>The command line is wrong: the message says what and how to fix it (exit code 2, no stack trace).</summary>
internal sealed class UsageException(string message) : Exception(message);
