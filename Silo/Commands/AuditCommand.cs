using Meridian.Gateway.Audit;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>audit</c>: the audit log in the silo's database. <c>verify</c> walks the hash chain and names the first entry that
/// was modified, deleted or moved; <c>tail</c> lists the last entries. Reads the database directly, without a silo.
/// </summary>
internal static class AuditCommand
{
    public const string Usage =
        """
        usage: audit verify                    check the hash chain; exit 1 at the first bad entry
               audit tail [--n N]              the last N entries (default 20)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? dataDirectory = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var arguments = CommandArguments.Parse(args, new HashSet<string>());
            var count = arguments.Integer("n", 20)!.Value;
            if (arguments.UnknownOptions is { Count: > 0 } unknown)
                throw new UsageException($"unknown option --{unknown[0].Key}");
            var words = arguments.Positional;
            if (words.Count != 1 || words[0] is not ("verify" or "tail"))
                throw new UsageException(words.Count == 0 ? "say what to do: verify or tail" : $"'{string.Join(' ', words)}' is not an audit action; use verify or tail");
            if (count <= 0)
                throw new UsageException($"--n must be a positive number of entries, not {count}");

            using var host = SiloHost.Create(dataDirectory: dataDirectory);
            var database = host.Services.GetRequiredService<HostDatabase>();
            await database.MigrateAsync(cancellationToken);
            return words[0] == "verify"
                ? await VerifyAsync(database, output, cancellationToken)
                : await TailAsync(database, count, output, cancellationToken);
        }
        catch (UsageException e)
        {
            error.WriteLine($"audit: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
    }

    private static async Task<int> VerifyAsync(HostDatabase database, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await AuditVerifier.VerifyAsync(AuditTable.ReadAllAsync(database, cancellationToken: cancellationToken), cancellationToken);
        if (result.Break is { } broken)
        {
            output.WriteLine($"audit log broken at entry {broken.Seq}: {broken.Reason}");
            return 1;
        }

        output.WriteLine($"audit log intact: {result.Entries} entries");
        return 0;
    }

    private static async Task<int> TailAsync(HostDatabase database, int count, TextWriter output, CancellationToken cancellationToken)
    {
        var entries = await AuditTable.ReadLastAsync(database, count, cancellationToken);
        if (entries.Count == 0)
            output.WriteLine("the audit log is empty");
        foreach (var e in entries)
            output.WriteLine($"{e.Seq,8}  {e.At}  {e.Actor}  {e.Action}  {e.Target ?? "-"}  {e.Result}  {e.Detail ?? ""}");
        return 0;
    }
}
