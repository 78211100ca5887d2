using System.Text.Json;
using Meridian.Silo.Commands;

namespace Meridian.Silo.Tests;

/// <summary>The backtest command as a user runs it: arguments in, run directory and messages out.</summary>
public sealed class BacktestCommandTests
{
    private static readonly string[] s_small = ["--synthetic", "--synthetic-symbols", "3", "--start", "2023-01-01", "--end", "2023-06-30", "--seed", "3"];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BacktestCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_run_writes_every_file_of_the_run_directory_and_names_the_report()
    {
        using var directory = new TemporaryDirectory();
        var (code, output, error) = await RunAsync([.. s_small, "--fast", "5", "--slow", "20", "--stake", "10", "--out", directory.Path]);

        Assert.True(code == 0, error);
        foreach (var file in new[] { "summary.json", "orders.csv", "fills.csv", "trades.csv", "equity.csv", "report.html" })
            Assert.True(File.Exists(directory.File(file)), $"{file} is missing");
        Assert.StartsWith("time,symbol,side,quantity,price,commission", await File.ReadAllTextAsync(directory.File("fills.csv"), TestContext.Current.CancellationToken));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(directory.File("summary.json"), TestContext.Current.CancellationToken));
        foreach (var field in new[] { "final_equity", "total_return", "trade_count", "sharpe", "max_drawdown" })
            Assert.True(summary.RootElement.TryGetProperty(field, out _), $"summary.json has no {field}");
        Assert.Contains(directory.File("report.html"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_inputs_give_a_byte_identical_summary()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();

        Assert.Equal(0, (await RunAsync([.. s_small, "--fast", "5", "--slow", "20", "--out", first.Path])).Code);
        Assert.Equal(0, (await RunAsync([.. s_small, "--fast", "5", "--slow", "20", "--out", second.Path])).Code);

        Assert.Equal(
            await File.ReadAllBytesAsync(first.File("summary.json"), TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(second.File("summary.json"), TestContext.Current.CancellationToken));
        Assert.Equal(
            await File.ReadAllBytesAsync(first.File("fills.csv"), TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(second.File("fills.csv"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_strategy_is_refused_with_the_list_of_strategies()
    {
        var (code, _, error) = await RunAsync([.. s_small, "--strategy", "momentum"]);

        Assert.Equal(2, code);
        Assert.Contains("'momentum' is not a strategy; the strategies are buy-and-hold, model, noop, sma-cross", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused_with_the_strategy_s_parameters()
    {
        var (code, _, error) = await RunAsync([.. s_small, "--strategy", "sma-cross", "--fastt", "3"]);

        Assert.Equal(2, code);
        Assert.Contains("unknown option --fastt; sma-cross takes fast, slow, stake, max-weight", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_out_of_range_says_which_and_why()
    {
        var (code, _, error) = await RunAsync([.. s_small, "--fast", "30", "--slow", "20"]);

        Assert.Equal(2, code);
        Assert.Contains("slow (20) must be more than fast (30)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_data_the_command_says_where_bars_can_come_from()
    {
        var (code, _, error) = await RunAsync("--strategy", "noop");

        Assert.Equal(2, code);
        Assert.Contains("--data DIR", error, StringComparison.Ordinal);
        Assert.Contains("--synthetic", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_refused_with_the_expected_form()
    {
        var (code, _, error) = await RunAsync("--synthetic", "--start", "01/02/2023");

        Assert.Equal(2, code);
        Assert.Contains("--start '01/02/2023' is not a date; write it as yyyy-MM-dd", error, StringComparison.Ordinal);
    }
}
