using Meridian.Gateway.Audit;

namespace Meridian.Gateway.Tests.Audit;

public sealed class AuditVerifierTests
{
    [Fact]
    public async Task An_untouched_log_is_intact_with_every_entry_counted()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await db.WriteAsync(5);

        var verification = AuditVerifier.Verify(await db.ReadAllAsync());

        Assert.True(verification.Intact);
        Assert.Equal(5, verification.Entries);
    }

    [Fact]
    public async Task A_modified_entry_is_named_by_its_seq()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await db.WriteAsync(5);
        await db.ExecuteAsync("UPDATE audit_log SET result = 'rejected' WHERE seq = 3");

        var broken = AuditVerifier.Verify(await db.ReadAllAsync()).Break;

        Assert.NotNull(broken);
        Assert.Equal(3, broken.Seq);
        Assert.Contains("modified", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_middle_entry_is_named_by_the_missing_seq()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await db.WriteAsync(5);
        await db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 3");

        var broken = AuditVerifier.Verify(await db.ReadAllAsync()).Break;

        Assert.NotNull(broken);
        Assert.Equal(3, broken.Seq);
        Assert.Contains("deleted", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_entries_break_at_the_first_moved_seq()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await db.WriteAsync(5);
        await db.ExecuteAsync("UPDATE audit_log SET seq = -2 WHERE seq = 2");
        await db.ExecuteAsync("UPDATE audit_log SET seq = 2 WHERE seq = 4");
        await db.ExecuteAsync("UPDATE audit_log SET seq = 4 WHERE seq = -2");

        var verification = AuditVerifier.Verify(await db.ReadAllAsync());

        Assert.NotNull(verification.Break);
        Assert.Equal(2, verification.Break.Seq);
        Assert.Contains("reordered", verification.Break.Reason, StringComparison.Ordinal);
        Assert.Equal(1, verification.Entries);
    }

    [Fact]
    public async Task An_entry_deleted_and_the_rest_renumbered_breaks_where_the_link_is_missing()
    {
        await using var db = await AuditDatabase.CreateAsync();
        await db.WriteAsync(4);
        await db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 2");
        await db.ExecuteAsync("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2");

        var broken = AuditVerifier.Verify(await db.ReadAllAsync()).Break;

        Assert.NotNull(broken);
        Assert.Equal(2, broken.Seq);
    }
}
