using System.Text.RegularExpressions;
using Meridian.Gateway.Auth;
using Meridian.Runtime.Persistence;
using Meridian.Silo.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Silo.Tests;

/// <summary>The keys command on a data directory: the token printed once, keys listed without secrets, revocation.</summary>
public sealed partial class KeysCommandTests
{
    private static async Task<(int Code, string Output, string Error)> KeysAsync(string dataDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KeysCommand.RunAsync(args, output, error, dataDirectory);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The store over the same database, as the gateway of a silo on that directory would see it.</summary>
    private static async Task<Caller?> AuthenticateAsync(string dataDirectory, string token)
    {
        using var host = SiloHost.Create(dataDirectory: dataDirectory);
        var store = new ApiKeyStore(host.Services.GetRequiredService<HostDatabase>(), TimeProvider.System);
        return await store.AuthenticateAsync(token, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Create_prints_a_working_token_once_and_list_shows_the_key_without_it()
    {
        using var data = new TemporaryDirectory();

        var (code, output, error) = await KeysAsync(data.Path, "create", "--name", "first admin", "--role", "admin");
        var token = Token().Match(output).Value;
        var (listCode, list, _) = await KeysAsync(data.Path, "list");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.NotEmpty(token);
        Assert.Contains("will not be shown again", output, StringComparison.Ordinal);
        var caller = await AuthenticateAsync(data.Path, token);
        Assert.Equal(ApiRole.Admin, caller?.Role);
        Assert.Equal("first admin", caller?.Name);
        Assert.Equal(0, listCode);
        Assert.Contains(token.Substring(4, 12), list, StringComparison.Ordinal);
        Assert.Contains("first admin", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token[17..], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_scopes_portfolios_and_sets_an_expiry_in_days()
    {
        using var data = new TemporaryDirectory();

        var (code, output, _) = await KeysAsync(data.Path, "create", "--name", "desk", "--role", "trader", "--portfolios", "a,b", "--expires-days", "30");
        var caller = await AuthenticateAsync(data.Path, Token().Match(output).Value);

        Assert.Equal(0, code);
        Assert.Equal(ApiRole.Trader, caller?.Role);
        Assert.Equal(["a", "b"], caller?.Portfolios?.Order(StringComparer.Ordinal));
        Assert.Contains("expiring", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_stops_the_token_and_list_shows_the_key_revoked()
    {
        using var data = new TemporaryDirectory();
        var (_, created, _) = await KeysAsync(data.Path, "create", "--name", "temp", "--role", "viewer");
        var token = Token().Match(created).Value;

        var (code, output, _) = await KeysAsync(data.Path, "revoke", token.Substring(4, 12));
        var (_, list, _) = await KeysAsync(data.Path, "list");

        Assert.Equal(0, code);
        Assert.Contains("revoked", output, StringComparison.Ordinal);
        Assert.Null(await AuthenticateAsync(data.Path, token));
        Assert.Contains("revoked", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_fails_saying_so()
    {
        using var data = new TemporaryDirectory();

        var (code, _, error) = await KeysAsync(data.Path, "revoke", "aaaaaaaaaaaa");

        Assert.Equal(1, code);
        Assert.Contains("no key 'aaaaaaaaaaaa'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create", "--name", "x", "--role", "owner")]
    [InlineData("create", "--role", "admin")]
    [InlineData("create", "--name", "x", "--role", "admin", "--expires", "2030-01-01", "--expires-days", "3")]
    [InlineData("rotate")]
    public async Task A_wrong_command_line_is_exit_code_2_with_the_usage(params string[] args)
    {
        using var data = new TemporaryDirectory();

        var (code, output, error) = await KeysAsync(data.Path, args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("usage: keys create", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused_as_invalid_input()
    {
        using var data = new TemporaryDirectory();

        var (code, _, error) = await KeysAsync(data.Path, "create", "--name", "old", "--role", "viewer", "--expires", "2001-01-01");

        Assert.Equal(1, code);
        Assert.Contains("expires_at", error, StringComparison.Ordinal);
    }

    [GeneratedRegex("mrd_[a-z2-7]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex Token();
}
