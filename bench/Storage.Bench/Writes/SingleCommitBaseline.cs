using System.Globalization;
using Npgsql;

namespace Meridian.Bench;

/// <summary>
/// The baseline batching must beat: plain Npgsql, one single-row INSERT per autocommit transaction (no batch, no
/// explicit transaction) into grain_state, under the run's service id (deleted with the run's other rows). Each
/// writer holds its own pooled connection and reuses one prepared command (prepared like the group commit's
/// statements), so the baseline pays nothing but the statement and its commit, and the ratio measures batching alone.
/// </summary>
internal sealed class SingleCommitBaseline : IAsyncDisposable
{
    /// <summary>The grain type of the baseline's rows; the service id keeps them apart from every other run.</summary>
    private const string GrainType = "bench-single-commit";

    private const string InsertSql =
        "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version) VALUES ($1, $2, $3, $4, $5, 1)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private int _round;

    public SingleCommitBaseline(string connectionString, string serviceId, int writers)
    {
        // One connection per in-flight writer, plus the one that checks the server's limit.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = writers + 1 }.ToString());
        _serviceId = serviceId;
    }

    /// <summary>
    /// Fails with what to do when the server cannot give every writer its own connection, with room left for the
    /// silo's group commits and the activity sampler.
    /// </summary>
    public async Task EnsureConnectionsAvailableAsync(int writers)
    {
        const int Headroom = 8;
        await using var command = _dataSource.CreateCommand(
            "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int - count(*) " +
            "FROM pg_stat_activity WHERE backend_type = 'client backend'");
        var free = Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (free < writers + Headroom)
        {
            throw new InvalidOperationException(
                $"the single-commit baseline needs {writers} connections at once (plus {Headroom} for the silo) but PostgreSQL has {free} free: " +
                "raise max_connections on the server or lower --writers");
        }
    }

    /// <summary>INSERTs per second from <paramref name="writers"/> concurrent writers, each awaiting its own commit.</summary>
    public Task<double> MeasureAsync(int writers, TimeSpan warmup, TimeSpan window, PostgresActivity? activity = null)
    {
        var round = ++_round;
        var insertions = Enumerable.Range(0, writers).Select(w => new Insertion(_dataSource, _serviceId, $"{round}:{w}:")).ToArray();
        return MeasureAsync(insertions, warmup, window, activity);
    }

    private static async Task<double> MeasureAsync(Insertion[] insertions, TimeSpan warmup, TimeSpan window, PostgresActivity? activity)
    {
        try
        {
            return await ClosedLoop.RunAsync(insertions.Length, w => insertions[w].InsertAsync(), warmup, window, activity).ConfigureAwait(false);
        }
        finally
        {
            foreach (var insertion in insertions)
                await insertion.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>One writer: its connection (opened on first use) and its command; each call inserts the next key.</summary>
    private sealed class Insertion(NpgsqlDataSource dataSource, string serviceId, string keyPrefix) : IAsyncDisposable
    {
        private NpgsqlConnection? _connection;
        private NpgsqlCommand? _command;
        private long _next;

        public async Task InsertAsync()
        {
            if (_command is null)
            {
                _connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
                _command = new NpgsqlCommand(InsertSql, _connection);
                foreach (var value in new object[] { serviceId, GrainType, "", "writer", "" })
                    _command.Parameters.Add(new NpgsqlParameter { Value = value });
                await _command.PrepareAsync().ConfigureAwait(false);
            }

            var sequence = ++_next;
            _command.Parameters[2].Value = keyPrefix + sequence.ToString(CultureInfo.InvariantCulture);
            _command.Parameters[4].Value = "{\"writes\":" + sequence.ToString(CultureInfo.InvariantCulture) + "}";
            await _command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            if (_command is not null)
                await _command.DisposeAsync().ConfigureAwait(false);
            if (_connection is not null)
                await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
