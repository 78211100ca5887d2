using System.Text.Json;
using System.Text.Json.Serialization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.Import;

/// <summary>What one import did, written with it into the store's reports folder as JSON and as Markdown.</summary>
/// <param name="ImportedAt">When the import ran.</param>
/// <param name="DataDirectory">The store it wrote to.</param>
/// <param name="Files">The files of bars read, as given.</param>
/// <param name="Symbols">Per symbol and period: counts, quarantined bars, missing sessions.</param>
/// <param name="Actions">The corporate actions stored or replaced by this import (from the actions file or derived).</param>
/// <param name="ReportFiles">Where the JSON and Markdown reports were written, relative to the data directory.</param>
public sealed record ImportReport(
    DateTimeOffset ImportedAt,
    string DataDirectory,
    IReadOnlyList<string> Files,
    IReadOnlyList<SymbolImport> Symbols,
    IReadOnlyList<CorporateAction> Actions,
    IReadOnlyList<string> ReportFiles)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The report as JSON (snake_case names, enums as strings).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static ImportReport FromJson(string json) =>
        JsonSerializer.Deserialize<ImportReport>(json, s_json) ?? throw new JsonException("the report is null");
}

/// <summary>One symbol's bars of one period in an import.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Period">The bar length's short name (1d, 5m).</param>
/// <param name="Read">Rows read from the files.</param>
/// <param name="Accepted">Rows the quality gate accepted and the store now holds.</param>
/// <param name="Added">Accepted bars at times the store had no bar at.</param>
/// <param name="Replaced">Accepted bars that replaced a stored bar with the same open time (a re-import of overlapping data).</param>
/// <param name="Stored">Bars of the symbol and period in the store after the import.</param>
/// <param name="Quarantined">Rows the gate kept out, each with its file, line, rule and reason.</param>
/// <param name="MissingSessions">Sessions of the calendar the files have no bar for.</param>
public sealed record SymbolImport(
    Symbol Symbol,
    string Period,
    int Read,
    int Accepted,
    int Added,
    int Replaced,
    int Stored,
    IReadOnlyList<QuarantinedBar> Quarantined,
    IReadOnlyList<MissingSession> MissingSessions);
