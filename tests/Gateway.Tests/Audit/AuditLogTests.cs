using System.Security.Cryptography;
using System.Text;
using Meridian.Gateway.Audit;

namespace Meridian.Gateway.Tests.Audit;

public sealed class AuditLogTests
{
    /// <summary>The chain's definition, written out again here: SHA-256 over each field as a big-endian int32 byte length and its UTF-8 (null: -1).</summary>
    private static string HashByDefinition(AuditEntry e)
    {
        using var bytes = new MemoryStream();
        foreach (var field in new[] { e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At, e.Actor, e.Action, e.Target, e.Result, e.Detail, e.PrevHash })
        {
            if (field is null)
            {
                bytes.Write([0xFF, 0xFF, 0xFF, 0xFF]);
                continue;
            }

            var utf8 = Encoding.UTF8.GetBytes(field);
            bytes.Write([(byte)(utf8.Length >> 24), (byte)(utf8.Length >> 16), (byte)(utf8.Length >> 8), (byte)utf8.Length]);
            bytes.Write(utf8);
        }

        return Convert.ToHexString(SHA256.HashData(bytes.ToArray())).ToLowerInvariant();
    }

    [Fact]
    public async Task Entries_are_numbered_from_one_and_each_hash_chains_the_previous_by_definition()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await using (var log = db.NewLog())
        {
            log.Append(new AuditRecord(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567), "admin (k1)", "POST /v1/orders", "o-1", "201", """{"path":"/v1/orders"}"""));
            log.Append(new AuditRecord(new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero), "anonymous", "DELETE /v1/keys/{key_id}", null, "401"));
            log.Append(new AuditRecord(new DateTimeOffset(2025, 1, 2, 3, 4, 7, TimeSpan.Zero), "portfolio:p1", "order.update", "o-1", "filled", "{\"price\":\"é\"}"));
            await log.FlushAsync(TestContext.Current.CancellationToken);
        }

        var entries = await db.ReadAllAsync();

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal("2025-01-02T01:04:05.1234567Z", entries[0].At);
        Assert.Equal(new string('0', 64), entries[0].PrevHash);
        Assert.Null(entries[1].Target);
        Assert.Null(entries[1].Detail);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(HashByDefinition(entries[i]), entries[i].Hash);
            if (i > 0)
                Assert.Equal(entries[i - 1].Hash, entries[i].PrevHash);
        }
    }

    [Fact]
    public void Length_prefixes_keep_fields_that_concatenate_alike_apart()
    {
        var a = AuditChain.Hash(1, "t", "ab", "c", null, "r", null, AuditChain.GenesisHash);
        var b = AuditChain.Hash(1, "t", "a", "bc", null, "r", null, AuditChain.GenesisHash);
        var c = AuditChain.Hash(1, "t", "a", "bc", "", "r", null, AuditChain.GenesisHash);

        Assert.NotEqual(a, b);
        Assert.NotEqual(b, c);
    }

    [Fact]
    public async Task A_new_writer_continues_the_chain_from_the_last_entry_in_the_table()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await db.WriteAsync(2);

        await using (var log = db.NewLog())
        {
            log.Append(new AuditRecord(DateTimeOffset.UnixEpoch, "system", "started", null, "ok"));
            await log.FlushAsync(TestContext.Current.CancellationToken);
        }

        var entries = await db.ReadAllAsync();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal(entries[1].Hash, entries[2].PrevHash);
        Assert.True(AuditVerifier.Verify(entries).Intact);
    }

    [Fact]
    public async Task Concurrent_appends_from_many_threads_make_one_gapless_intact_chain()
    {
        const int threads = 8, each = 2_500;
        await using var db = await AuditDatabase.CreateAsync();
        await using var log = db.NewLog();

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
                log.Append(new AuditRecord(DateTimeOffset.UnixEpoch.AddSeconds(i), $"thread-{t}", "order.recorded", $"{t}-{i}", "accepted"));
        }, TestContext.Current.CancellationToken)));
        await log.FlushAsync(TestContext.Current.CancellationToken);

        var entries = await db.ReadAllAsync();
        Assert.Equal(Enumerable.Range(1, threads * each).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Equal(threads * each, entries.Select(e => e.Target).Distinct().Count());
        var verification = AuditVerifier.Verify(entries);
        Assert.True(verification.Intact, verification.Break?.Reason);
        Assert.Equal(threads * each, verification.Entries);
    }

    [Fact]
    public async Task Flush_waits_for_what_was_appended_before_it()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await using var log = db.NewLog();
        for (var i = 0; i < 10_000; i++)
            log.Append(new AuditRecord(DateTimeOffset.UnixEpoch, "a", "b", null, "c"));

        await log.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10_000, (await db.ReadAllAsync()).Count);
    }
}
