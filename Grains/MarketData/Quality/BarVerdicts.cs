using System.Globalization;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// The problems found with each bar of one check, by index in file order. A bar with none is accepted; a bar with
/// any is quarantined under the first rule in <see cref="QualityRule"/> order, its reason naming every problem.
/// </summary>
internal sealed class BarVerdicts(IReadOnlyList<SourceBar> bars)
{
    private readonly List<(QualityRule Rule, string Text)>?[] _problems = new List<(QualityRule, string)>?[bars.Count];

    public IReadOnlyList<SourceBar> Bars { get; } = bars;

    public int Count => Bars.Count;

    /// <summary>Records that bar <paramref name="index"/> breaks <paramref name="rule"/>; <paramref name="text"/> names the values.</summary>
    public void Add(int index, QualityRule rule, string text) => (_problems[index] ??= []).Add((rule, text));

    /// <summary>True while no problem is known with bar <paramref name="index"/>.</summary>
    public bool IsClean(int index) => _problems[index] is null;

    /// <summary>The clean bars, in file order.</summary>
    public List<SourceBar> Accepted()
    {
        var accepted = new List<SourceBar>();
        for (var i = 0; i < Count; i++)
        {
            if (IsClean(i))
                accepted.Add(Bars[i]);
        }
        return accepted;
    }

    /// <summary>The bars with problems, in file order, each under its first rule with every problem in the reason.</summary>
    public List<QuarantinedBar> Quarantined()
    {
        var quarantined = new List<QuarantinedBar>();
        for (var i = 0; i < Count; i++)
        {
            if (_problems[i] is not { } problems)
                continue;
            // A stable sort keeps problems of one rule in the order they were found.
            var ordered = problems.OrderBy(p => p.Rule).ToList();
            var reason = $"{Where(Bars[i])}: {ordered[0].Text}";
            if (ordered.Count > 1)
                reason += "; also " + string.Join("; also ", ordered.Skip(1).Select(p => p.Text));
            quarantined.Add(new QuarantinedBar(Bars[i], ordered[0].Rule, reason));
        }
        return quarantined;
    }

    /// <summary>"orcl.csv line 17": where a bar came from, as every reason starts.</summary>
    public static string Where(SourceBar bar) => $"{bar.File} line {bar.Line}";

    /// <summary>A bar time as a reason shows it: UTC to the second.</summary>
    public static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
