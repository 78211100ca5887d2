using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Meridian.Gateway.Persistence;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Api;

/// <summary>Which orders a listing wants: <see cref="Portfolios"/> null is every portfolio.</summary>
internal sealed record OrderQuery(
    IReadOnlyCollection<string>? Portfolios,
    string Status,
    IReadOnlyCollection<string>? Symbols,
    string? Side,
    DateTimeOffset? After,
    DateTimeOffset? Until,
    bool Descending,
    int Limit,
    OrderIndex.PageKey? From);

/// <summary>
/// The orders' index in the host database (table order_index), kept from the portfolios' activity: a row per client
/// order id with what a listing filters and sorts on. Rows are written in order by one background writer in batches,
/// so recording an order never waits for the database; a listing first waits for what is queued
/// (a flush of the writer), so it sees every order accepted before it.
/// </summary>
internal sealed partial class OrderIndex : ITradingActivitySink, IHostedService, IAsyncDisposable
{
    private const int MaxBatch = 1024;

    private const string UpsertSql =
        "INSERT INTO order_index (client_order_id, portfolio_id, symbol, side, status, is_open, created_at, updated_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (client_order_id) DO UPDATE SET " +
        "status = excluded.status, is_open = excluded.is_open, updated_at = excluded.updated_at";

    private readonly HostDatabase _database;
    private readonly QueuedBatchWriter<Entry> _writer;

    public OrderIndex(HostDatabase database, ILogger<OrderIndex> logger)
    {
        _database = database;
        // The grains hold the orders; a lost index row only hides an order from listings until its next update.
        _writer = new QueuedBatchWriter<Entry>(WriteAsync, (error, count) =>
        {
            IndexWriteFailed(logger, error, count);
            return null;
        }, MaxBatch);
    }

    /// <summary>Where a page starts: the last row of the page before (its creation time and id).</summary>
    internal readonly record struct PageKey(string CreatedAt, string ClientOrderId)
    {
        public string ToToken() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAt + "|" + ClientOrderId));

        public static PageKey? Parse(string token)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
                var bar = text.IndexOf('|', StringComparison.Ordinal);
                return bar > 0 && DateTimeOffset.TryParse(text[..bar], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                    ? new PageKey(text[..bar], text[(bar + 1)..])
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    private readonly record struct Entry(string ClientOrderId, string PortfolioId, string Symbol, string Side, OrderStatus Status, DateTimeOffset Time);

    public void OrderRecorded(OrderSnapshot order) =>
        _writer.TryAppend(new Entry(order.ClientOrderId, order.Request.PortfolioId, order.Request.Symbol.Value, WireName.Of(order.Request.Side),
            order.Status, order.CreatedAt));

    public void OrderUpdateApplied(OrderUpdate update) =>
        _writer.TryAppend(new Entry(update.ClientOrderId, update.PortfolioId, update.Symbol.Value, WireName.Of(update.Side), update.Status, update.Time));

    /// <summary>The page of client order ids <paramref name="query"/> asks for, and the key of the next page (null on the last).</summary>
    public async Task<(IReadOnlyList<string> Ids, PageKey? Next)> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        var sql = new StringBuilder("SELECT client_order_id, created_at FROM order_index WHERE 1 = 1");
        var values = new List<object?>();
        In(sql, values, "portfolio_id", query.Portfolios);
        In(sql, values, "symbol", query.Symbols);
        if (query.Status != "all")
            Condition(sql, values, "is_open = ", query.Status == "open" ? 1 : 0);
        if (query.Side is not null)
            Condition(sql, values, "side = ", query.Side);
        if (query.After is { } after)
            Condition(sql, values, "created_at > ", Text(after));
        if (query.Until is { } until)
            Condition(sql, values, "created_at < ", Text(until));
        if (query.From is { } from)
        {
            var op = query.Descending ? "<" : ">";
            values.Add(from.CreatedAt);
            values.Add(from.ClientOrderId);
            sql.Append(CultureInfo.InvariantCulture, $" AND (created_at {op} ${values.Count - 1} OR (created_at = ${values.Count - 1} AND client_order_id {op} ${values.Count}))");
        }
        var direction = query.Descending ? "DESC" : "ASC";
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY created_at {direction}, client_order_id {direction} LIMIT {query.Limit + 1}");

        var rows = new List<(string Id, string CreatedAt)>();
        await using (var connection = await _database.OpenAsync(cancellationToken))
        await using (var command = _database.Command(connection, sql.ToString(), null, [.. values]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        var page = rows.Take(query.Limit).ToList();
        PageKey? next = rows.Count > query.Limit ? new PageKey(page[^1].CreatedAt, page[^1].Id) : null;
        return ([.. page.Select(r => r.Id)], next);
    }

    /// <summary>Every portfolio id that has had an order.</summary>
    public async Task<IReadOnlyList<string>> PortfoliosAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        var ids = new List<string>();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = _database.Command(connection, "SELECT DISTINCT portfolio_id FROM order_index ORDER BY portfolio_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host stops: what is queued is written first.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private Task WriteAsync(List<Entry> batch, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            // One prepared statement for the batch: only the values change from row to row.
            await using var command = _database.Command(connection, UpsertSql, transaction, new object?[8]);
            foreach (var e in batch)
            {
                var time = Text(e.Time);
                object?[] row = [e.ClientOrderId, e.PortfolioId, e.Symbol, e.Side, WireName.Of(e.Status), e.Status.IsOpen() ? 1 : 0, time, time];
                for (var i = 0; i < row.Length; i++)
                    command.Parameters[i].Value = row[i];
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void In(StringBuilder sql, List<object?> values, string column, IReadOnlyCollection<string>? allowed)
    {
        if (allowed is null)
            return;
        if (allowed.Count == 0)
        {
            sql.Append(" AND 1 = 0");
            return;
        }
        sql.Append(CultureInfo.InvariantCulture, $" AND {column} IN (");
        var first = true;
        foreach (var value in allowed)
        {
            values.Add(value);
            sql.Append(first ? "" : ", ").Append(CultureInfo.InvariantCulture, $"${values.Count}");
            first = false;
        }
        sql.Append(')');
    }

    private static void Condition(StringBuilder sql, List<object?> values, string condition, object value)
    {
        values.Add(value);
        sql.Append(CultureInfo.InvariantCulture, $" AND {condition}${values.Count}");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} rows of the order index")]
    private static partial void IndexWriteFailed(ILogger logger, Exception error, int count);
}
