using System.Security.Cryptography;
using System.Text;
using Meridian.Gateway.Auth;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>The database holds a key's SHA-256, never its token or secret.</summary>
public sealed class SecretStorageTests
{
    [Fact]
    public async Task The_row_holds_the_secrets_sha256_and_not_the_secret()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var platform = await Platform.StartAsync();
        var token = await platform.CreateKeyAsync(ApiRole.Trader, "stored", ["a", "b"]);
        var secret = token[17..];
        var database = platform.Services.GetRequiredService<HostDatabase>();

        var columns = new List<string>();
        await using (var connection = await database.OpenAsync(cancel))
        await using (var select = database.Command(connection, "SELECT key_id, name, secret_hash, role, portfolios, created_at, expires_at, revoked_at FROM api_keys WHERE key_id = $1", null, Keys.IdOf(token)))
        await using (var reader = await select.ExecuteReaderAsync(cancel))
        {
            Assert.True(await reader.ReadAsync(cancel));
            for (var i = 0; i < reader.FieldCount; i++)
                columns.Add(reader.IsDBNull(i) ? "" : reader.GetString(i));
        }

        Assert.All(columns, value => Assert.DoesNotContain(secret, value, StringComparison.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret))), columns[2]);
        Assert.Equal(["trader", "a,b"], columns[3..5]);
    }
}
