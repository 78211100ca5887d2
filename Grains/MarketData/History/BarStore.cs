using System.Buffers;
using Meridian.Grains.Domain;
using Microsoft.Win32.SafeHandles;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// A data directory of bars (see <see cref="StoreLayout"/> for what is where): one columnar file per symbol and
/// period, each symbol's corporate actions, and the quality report of every import. Reads are safe from any number
/// of threads; the store holds no state but its directory.
/// </summary>
public sealed class BarStore
{
    private BarStore(string directory) => Directory = directory;

    /// <summary>The data directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Opens the store in <paramref name="directory"/> (which must exist), first finishing or undoing an import that was
    /// interrupted by a crash (unless an import is running right now, which will finish it itself).
    /// </summary>
    public static BarStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new DirectoryNotFoundException($"the data directory {full} does not exist; import bars into it first");
        StoreLock? importLock;
        try
        {
            importLock = StoreLock.TryAcquire(full);
        }
        catch (UnauthorizedAccessException)
        {
            // A directory this process may not write to (read-only media, another user's store) is read as it is.
            importLock = null;
        }
        using (importLock)
        {
            if (importLock is not null)
                StoreCommit.Recover(full);
        }
        return new BarStore(full);
    }

    /// <summary>Opens the store for an import that holds its <see cref="StoreLock"/>, after finishing or undoing an interrupted one.</summary>
    internal static BarStore OpenLocked(string fullDirectory)
    {
        StoreCommit.Recover(fullDirectory);
        return new BarStore(fullDirectory);
    }

    /// <summary>The symbols with bars, in ordinal order.</summary>
    public IReadOnlyList<Symbol> Symbols()
    {
        var folder = Path.Combine(Directory, StoreLayout.SymbolsFolder);
        if (!System.IO.Directory.Exists(folder))
            return [];
        var symbols = new List<Symbol>();
        foreach (var path in System.IO.Directory.EnumerateDirectories(folder))
        {
            if (StoreLayout.SymbolOfFolder(Path.GetFileName(path)) is { } symbol && Periods(symbol).Count > 0)
                symbols.Add(symbol);
        }
        symbols.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        return symbols;
    }

    /// <summary>The periods <paramref name="symbol"/> has bars of, shortest first.</summary>
    public IReadOnlyList<TimeSpan> Periods(Symbol symbol)
    {
        var folder = Path.Combine(Directory, StoreLayout.SymbolFolder(symbol));
        if (!System.IO.Directory.Exists(folder))
            return [];
        var periods = new List<TimeSpan>();
        foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*" + BarFile.Extension))
        {
            if (BarPeriod.TryParse(Path.GetFileNameWithoutExtension(path), out var period))
                periods.Add(period);
        }
        periods.Sort();
        return periods;
    }

    /// <summary>True when the store has <paramref name="period"/> bars of <paramref name="symbol"/>.</summary>
    public bool Contains(Symbol symbol, TimeSpan period) =>
        BarPeriod.TryName(period, out _) && File.Exists(Path.Combine(Directory, StoreLayout.BarsFile(symbol, period)));

    /// <summary>
    /// The bars of <paramref name="symbol"/> and <paramref name="period"/> opening from <paramref name="from"/> to
    /// <paramref name="to"/> (both inclusive, as Alpaca's start and end are; null for no bound), with prices as traded
    /// or back-adjusted (see <see cref="PriceAdjustment"/>; factors come from every action of the symbol, including those
    /// after <paramref name="to"/>). Throws <see cref="KeyNotFoundException"/> when there are no such bars and
    /// <see cref="InvalidDataException"/> when the file is torn or corrupted.
    /// </summary>
    public BarSeries Read(Symbol symbol, TimeSpan period, PriceAdjustment adjustment, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (!Contains(symbol, period))
        {
            var stored = Periods(symbol);
            throw new KeyNotFoundException(stored.Count == 0
                ? $"the store in {Directory} has no bars of {symbol}"
                : $"the store in {Directory} has no {Name(period)} bars of {symbol}, only {string.Join(", ", stored.Select(BarPeriod.Name))}");
        }
        var actions = adjustment == PriceAdjustment.Raw ? [] : CorporateActions(symbol);
        var path = Path.Combine(Directory, StoreLayout.BarsFile(symbol, period));
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
            throw new InvalidDataException($"bar file {path} is {length} bytes long, more than one file may hold");
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var bytes = buffer.AsSpan(0, ReadWhole(handle, buffer, (int)length));
            var view = BarFileView.Open(bytes, path);
            if (view.Symbol != symbol || view.Period != period)
                throw new InvalidDataException($"bar file {path} holds {Name(view.Period)} bars of {view.Symbol}, not {Name(period)} bars of {symbol}; it was moved or renamed by hand");
            var start = from is { } f ? view.IndexAtOrAfter(f.UtcTicks) : 0;
            var end = to is { } t ? view.IndexAtOrAfter(t.UtcTicks + 1) : view.Count;
            return view.ToSeries(start, Math.Max(start, end), BackAdjustment.Segments(view, actions, adjustment));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The splits and dividends of <paramref name="symbol"/> in ex-date order (empty when it has none).</summary>
    public IReadOnlyList<CorporateAction> CorporateActions(Symbol symbol)
    {
        var path = Path.Combine(Directory, StoreLayout.ActionsOf(symbol));
        if (!File.Exists(path))
            return [];
        using var stream = File.OpenRead(path);
        var (actions, errors) = CorporateActionCsv.Parse(path, stream);
        if (!errors.IsEmpty)
            throw new InvalidDataException($"the corporate actions file {path} is damaged: {errors}");
        return [.. actions.OrderBy(a => a.ExDate).ThenBy(a => a.Kind)];
    }

    /// <summary>The JSON quality reports of every import into the store, oldest first (each has a Markdown twin beside it).</summary>
    public IReadOnlyList<string> ImportReports()
    {
        var folder = Path.Combine(Directory, StoreLayout.ReportsFolder);
        if (!System.IO.Directory.Exists(folder))
            return [];
        var reports = System.IO.Directory.GetFiles(folder, "*.json");
        Array.Sort(reports, StringComparer.Ordinal);
        return reports;
    }

    /// <summary>Reads the whole file with as few calls as the operating system allows (one, for a regular file).</summary>
    private static int ReadWhole(SafeFileHandle handle, byte[] buffer, int length)
    {
        var read = 0;
        while (read < length)
        {
            var count = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
            if (count == 0)
                break;
            read += count;
        }
        return read;
    }

    private static string Name(TimeSpan period) => BarPeriod.TryName(period, out var name) ? name : period.ToString();
}
