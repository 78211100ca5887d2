using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.Models;
using Meridian.Runtime;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>models</c>: the model registry in the silo's database. Lists versions, registers model files, promotes a
/// version to champion, adds challengers, retires versions and rolls back; a running silo's Model grains pick up
/// the change at their next round.
/// </summary>
internal static class ModelsCommand
{
    public const string Usage =
        """
        usage: models list
               models register FILE            a model file written by the train command
               models promote NAME VERSION     make VERSION the champion (the one traded)
               models challenge NAME VERSION   score VERSION in shadow beside the champion
               models retire NAME VERSION
               models rollback NAME            make the previous champion the champion again
               models status NAME              what the model serves and how each version has done live
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? dataDirectory = null)
    {
        try
        {
            var arguments = CommandArguments.Parse(args, new HashSet<string>());
            if (arguments.UnknownOptions is { Count: > 0 } unknown)
                throw new UsageException($"unknown option --{unknown[0].Key}");
            var words = arguments.Positional;
            if (words.Count == 0)
                throw new UsageException("say what to do: list, register, promote, challenge, retire, rollback or status");
            var action = Action(words);
            await SiloHost.UseAsync(dataDirectory, client => action(client, output));
            return 0;
        }
        catch (UsageException e)
        {
            error.WriteLine($"models: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (InvalidInputException e)
        {
            error.WriteLine($"models: {e.Message}");
            return 1;
        }
    }

    private static Func<IClusterClient, TextWriter, Task> Action(List<string> words)
    {
        var verb = words[0];
        int expected = verb switch
        {
            "list" => 1,
            "register" or "rollback" or "status" => 2,
            "promote" or "challenge" or "retire" => 3,
            _ => throw new UsageException($"'{verb}' is not a models action; use list, register, promote, challenge, retire, rollback or status"),
        };
        if (words.Count != expected)
            throw new UsageException($"models {verb} takes {expected - 1} argument{(expected == 2 ? "" : "s")}, not {words.Count - 1}");
        static IModelRegistryGrain Registry(IClusterClient client) => client.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        return verb switch
        {
            "list" => async (client, output) => WriteVersions(output, await Registry(client).ListAsync()),
            "register" => async (client, output) =>
            {
                var info = await Registry(client).RegisterAsync(ReadFile(words[1]));
                output.WriteLine($"registered {info.Model} version {info.Version} ({info.Kind}, {info.Features.Count} features, hash {info.ContentHash[..12]})");
            },
            "promote" => async (client, output) => WriteChange(output, "champion", await Registry(client).PromoteAsync(words[1], VersionOf(words[2]))),
            "challenge" => async (client, output) => WriteChange(output, "challenger", await Registry(client).ChallengeAsync(words[1], VersionOf(words[2]))),
            "retire" => async (client, output) => WriteChange(output, "retired", await Registry(client).RetireAsync(words[1], VersionOf(words[2]))),
            "rollback" => async (client, output) => WriteChange(output, "champion again", await Registry(client).RollBackAsync(words[1])),
            _ => async (client, output) => WriteStatus(output, await client.GetGrain<IModelGrain>(words[1]).GetStatusAsync()),
        };
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path))
            throw new UsageException($"model file {path} does not exist");
        return File.ReadAllText(path);
    }

    private static int VersionOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new UsageException($"'{text}' is not a version number (1, 2, ...)");

    private static void WriteChange(TextWriter output, string what, ModelVersionInfo info) =>
        output.WriteLine($"{info.Model} version {info.Version} is {what}");

    private static void WriteVersions(TextWriter output, IReadOnlyList<ModelVersionInfo> versions)
    {
        if (versions.Count == 0)
        {
            output.WriteLine("no models are registered; train one with the train command and register its model.json");
            return;
        }
        output.WriteLine($"{"model",-24} {"version",7} {"stage",-10} {"kind",-5} {"features",8} {"trained",-23} {"test rank ic",12}  hash");
        foreach (var v in versions)
        {
            var rankIc = v.Metrics.TryGetValue("test_rank_ic", out var value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{v.Model,-24} {v.Version,7} {v.Stage.ToString().ToLowerInvariant(),-10} {v.Kind,-5} {v.Features.Count,8} {v.TrainedFrom:yyyy-MM-dd} to {v.TrainedTo:yyyy-MM-dd} {rankIc,12}  {v.ContentHash[..12]}"));
        }
    }

    private static void WriteStatus(TextWriter output, ModelLiveStatus status)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{status.Model}: champion {status.Champion?.ToString(CultureInfo.InvariantCulture) ?? "none"}, last round {status.LastRound?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}"));
        foreach (var v in status.Versions)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  version {v.Version} ({v.Stage.ToString().ToLowerInvariant()}): {v.Rounds} rounds, live IC {v.MeanIc:F4}, ICIR {v.Icir:F2}, rank IC {v.MeanRankIc:F4}"));
        }
    }
}
