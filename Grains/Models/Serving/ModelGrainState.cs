namespace Meridian.Grains.Models.Serving;

/// <summary>The persisted state of a <see cref="ModelGrain"/>: recent bars per symbol, rounds awaiting labels, live figures.</summary>
public sealed class ModelGrainState
{
    /// <summary>Each symbol's recent bars, by symbol.</summary>
    public Dictionary<string, BarHistory> Bars { get; set; } = [];

    /// <summary>Distinct slice times taken in.</summary>
    public long Slices { get; set; }

    /// <summary>The time of the last slice taken in.</summary>
    public DateTimeOffset? LastSlice { get; set; }

    /// <summary>The time of the last round scored.</summary>
    public DateTimeOffset? LastRound { get; set; }

    /// <summary>Rounds scored whose labels are not known yet, oldest first.</summary>
    public List<ScoredRound> Pending { get; set; } = [];

    /// <summary>How each version has done live, by version.</summary>
    public Dictionary<int, LiveFigures> Live { get; set; } = [];
}

/// <summary>One round's scores by every version served, kept until its labels are known (two slices later).</summary>
public sealed class ScoredRound
{
    /// <summary>When the round was scored (UTC ticks).</summary>
    public long Time { get; set; }

    /// <summary><see cref="ModelGrainState.Slices"/> when the round was scored.</summary>
    public long Slice { get; set; }

    /// <summary>Scores by version, then by symbol.</summary>
    public Dictionary<int, Dictionary<string, double>> Scores { get; set; } = [];
}

/// <summary>Running sums of one version's daily IC and Rank IC.</summary>
public sealed class LiveFigures
{
    /// <summary>Rounds whose IC is known.</summary>
    public int Rounds { get; set; }

    /// <summary>Sum of daily ICs.</summary>
    public double SumIc { get; set; }

    /// <summary>Sum of squared daily ICs.</summary>
    public double SumIcSquares { get; set; }

    /// <summary>Sum of daily Rank ICs.</summary>
    public double SumRankIc { get; set; }

    /// <summary>Adds one round.</summary>
    public void Add(double ic, double rankIc)
    {
        Rounds++;
        SumIc += ic;
        SumIcSquares += ic * ic;
        SumRankIc += rankIc;
    }

    /// <summary>Mean daily IC, or NaN before the first round.</summary>
    public double MeanIc => Rounds == 0 ? double.NaN : SumIc / Rounds;

    /// <summary>Mean daily Rank IC, or NaN before the first round.</summary>
    public double MeanRankIc => Rounds == 0 ? double.NaN : SumRankIc / Rounds;

    /// <summary>Mean over sample standard deviation of the daily IC, or NaN before two rounds.</summary>
    public double Icir
    {
        get
        {
            if (Rounds < 2)
                return double.NaN;
            var std = Math.Sqrt(Math.Max(0.0, (SumIcSquares - (Rounds * MeanIc * MeanIc)) / (Rounds - 1)));
            return std == 0.0 ? double.NaN : MeanIc / std;
        }
    }
}
