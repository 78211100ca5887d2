using System.Globalization;
using Meridian.Gateway.Auth;
using Meridian.Grains.Domain;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>keys</c>: the gateway's API keys in the silo's database (MERIDIAN_DATA or MERIDIAN_POSTGRES). Creates a key and
/// prints its token once, lists keys (never secrets) and revokes them. The first admin key can only be made here; a
/// running silo sees a new key at once and a revocation within seconds.
/// </summary>
internal static class KeysCommand
{
    public const string Usage =
        """
        usage: keys create --name NAME --role viewer|trader|admin [--portfolios A,B] [--expires yyyy-MM-dd | --expires-days N]
               keys list
               keys revoke KEY_ID
          --portfolios A,B   the portfolios the key may touch (default: every portfolio)
          --expires DATE     the key stops working at the start of DATE (UTC); --expires-days N: N days from now
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? dataDirectory = null)
    {
        try
        {
            var arguments = CommandArguments.Parse(args, new HashSet<string>());
            var action = ActionOf(arguments);
            if (arguments.UnknownOptions is { Count: > 0 } unknown)
                throw new UsageException($"unknown option --{unknown[0].Key}");
            using var host = SiloHost.Create(dataDirectory: dataDirectory);
            var database = host.Services.GetRequiredService<HostDatabase>();
            await database.MigrateAsync();
            return await action(new ApiKeyStore(database, TimeProvider.System), output, error);
        }
        catch (UsageException e)
        {
            error.WriteLine($"keys: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (InvalidInputException e)
        {
            error.WriteLine($"keys: {e.Message}");
            return 1;
        }
    }

    private static Func<IApiKeyStore, TextWriter, TextWriter, Task<int>> ActionOf(CommandArguments arguments)
    {
        var words = arguments.Positional;
        if (words.Count == 0)
            throw new UsageException("say what to do: create, list or revoke");
        var expected = words[0] switch
        {
            "create" or "list" => 1,
            "revoke" => 2,
            var verb => throw new UsageException($"'{verb}' is not a keys action; use create, list or revoke"),
        };
        if (words.Count != expected)
            throw new UsageException($"keys {words[0]} takes {expected - 1} argument{(expected == 2 ? "" : "s")}, not {words.Count - 1}");
        return words[0] switch
        {
            "create" => CreateOf(arguments),
            "list" => async (store, output, _) =>
            {
                WriteKeys(output, await store.ListAsync());
                return 0;
            },
            _ => async (store, output, error) =>
            {
                if (!await store.RevokeAsync(words[1]))
                {
                    error.WriteLine($"keys: there is no key '{words[1]}'; 'keys list' shows the keys");
                    return 1;
                }
                output.WriteLine($"key {words[1]} is revoked");
                return 0;
            },
        };
    }

    private static Func<IApiKeyStore, TextWriter, TextWriter, Task<int>> CreateOf(CommandArguments arguments)
    {
        var name = arguments.Text("name") ?? throw new UsageException("keys create needs --name NAME");
        var roleText = arguments.Text("role") ?? throw new UsageException("keys create needs --role viewer, trader or admin");
        if (!Enum.TryParse<ApiRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(roleText, out _))
            throw new UsageException($"--role '{roleText}' is not a role; use viewer, trader or admin");
        var portfolios = arguments.Text("portfolios")?.Split(',', StringSplitOptions.TrimEntries);
        var date = arguments.Date("expires");
        var days = arguments.Integer("expires-days");
        if (date is not null && days is not null)
            throw new UsageException("give --expires or --expires-days, not both");
        if (days is <= 0)
            throw new UsageException($"--expires-days {days} must be at least 1");
        DateTimeOffset? expires = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : days is { } n ? TimeProvider.System.GetUtcNow().AddDays(n)
            : null;
        return async (store, output, _) =>
        {
            var created = await store.CreateAsync(name, role, portfolios, expires);
            output.WriteLine($"created {Describe(created.Key)}");
            output.WriteLine($"token: {created.Token}");
            output.WriteLine("keep the token now: it is stored only hashed and will not be shown again");
            return 0;
        };
    }

    private static void WriteKeys(TextWriter output, IReadOnlyList<ApiKeyInfo> keys)
    {
        if (keys.Count == 0)
        {
            output.WriteLine("there are no keys; create one with: keys create --name NAME --role admin");
            return;
        }
        output.WriteLine($"{"key id",-12}  {"name",-24} {"role",-7} {"created",-16}  {"expires",-16}  {"state",-8} portfolios");
        foreach (var key in keys)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key.KeyId,-12}  {key.Name,-24} {Role(key.Role),-7} {key.CreatedAt:yyyy-MM-dd HH:mm}  {(key.ExpiresAt is { } e ? e.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "never"),-16}  {State(key),-8} {(key.Portfolios is null ? "all" : string.Join(',', key.Portfolios))}"));
        }
    }

    private static string State(ApiKeyInfo key) =>
        key.RevokedAt is not null ? "revoked" : key.ExpiresAt is { } e && e <= TimeProvider.System.GetUtcNow() ? "expired" : "active";

    private static string Describe(ApiKeyInfo key) =>
        $"{Role(key.Role)} key {key.KeyId} '{key.Name}' for {(key.Portfolios is null ? "every portfolio" : "portfolios " + string.Join(',', key.Portfolios))}" +
        (key.ExpiresAt is { } e ? string.Create(CultureInfo.InvariantCulture, $", expiring {e:yyyy-MM-dd HH:mm} UTC") : "");

    private static string Role(ApiRole role) => role.ToString().ToLowerInvariant();
}
