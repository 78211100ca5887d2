using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// Where things are in a data directory:
/// <code>
/// symbols/&lt;SYMBOL&gt;/&lt;period&gt;.bars   bars of one symbol and period (1d.bars, 5m.bars)
/// symbols/&lt;SYMBOL&gt;/actions.csv      the symbol's splits and dividends
/// reports/&lt;time&gt;-import.json, .md    the quality report of each import
/// .staging/, import.journal        only while an import is being swapped in (or after a crash during one)
/// .import.lock                     only while an import runs
/// </code>
/// A '/' in a symbol (BTC/USD) is '_' in its folder name ('_' is never part of a symbol, so the name reads back).
/// </summary>
internal static class StoreLayout
{
    public const string SymbolsFolder = "symbols";
    public const string ReportsFolder = "reports";
    public const string StagingFolder = ".staging";
    public const string JournalFile = "import.journal";
    public const string LockFile = ".import.lock";
    public const string ActionsFile = "actions.csv";

    /// <summary>The folder of <paramref name="symbol"/>, relative to the data directory.</summary>
    public static string SymbolFolder(Symbol symbol) => Path.Combine(SymbolsFolder, symbol.Value.Replace('/', '_'));

    /// <summary>The bar file of <paramref name="symbol"/> and <paramref name="period"/>, relative to the data directory.</summary>
    public static string BarsFile(Symbol symbol, TimeSpan period) => Path.Combine(SymbolFolder(symbol), BarPeriod.Name(period) + BarFile.Extension);

    /// <summary>The actions file of <paramref name="symbol"/>, relative to the data directory.</summary>
    public static string ActionsOf(Symbol symbol) => Path.Combine(SymbolFolder(symbol), ActionsFile);

    /// <summary>The symbol a folder name stands for, or null when it names none.</summary>
    public static Symbol? SymbolOfFolder(string name) =>
        Symbol.TryParse(name.Replace('_', '/'), out var symbol, out _) ? symbol : null;
}
