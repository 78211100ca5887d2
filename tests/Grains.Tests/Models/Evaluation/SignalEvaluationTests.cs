using Meridian.Grains.Domain;
using Meridian.Grains.Models.Evaluation;

namespace Meridian.Grains.Tests.Models.Evaluation;

public sealed class SignalEvaluationTests
{
    private static readonly DateTimeOffset s_day1 = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_day2 = s_day1.AddDays(1);
    private static readonly DateTimeOffset s_day3 = s_day1.AddDays(2);

    // Day 1: scores 1..5, labels .01 .03 .02 .05 .04; F has no score. Day 2 has ties: scores 2 2 1 3 3, labels
    // .02 0 -.01 .01 .03. Day 3 has four symbols, fewer than the minimum of five.
    private static readonly SignalScore[] s_scores =
    [
        new(s_day1, Symbol.Parse("A"), 1, 0.01),
        new(s_day1, Symbol.Parse("B"), 2, 0.03),
        new(s_day1, Symbol.Parse("C"), 3, 0.02),
        new(s_day1, Symbol.Parse("D"), 4, 0.05),
        new(s_day1, Symbol.Parse("E"), 5, 0.04),
        new(s_day1, Symbol.Parse("F"), double.NaN, 0.50),
        new(s_day2, Symbol.Parse("A"), 2, 0.02),
        new(s_day2, Symbol.Parse("B"), 2, 0.00),
        new(s_day2, Symbol.Parse("C"), 1, -0.01),
        new(s_day2, Symbol.Parse("D"), 3, 0.01),
        new(s_day2, Symbol.Parse("E"), 3, 0.03),
        new(s_day3, Symbol.Parse("A"), 1, 0.10),
        new(s_day3, Symbol.Parse("B"), 2, 0.20),
        new(s_day3, Symbol.Parse("C"), 3, 0.30),
        new(s_day3, Symbol.Parse("D"), 4, 0.40),
    ];

    // Day 1: score deviations -2..2, label deviations -.02 0 -.01 .02 .01: sum of products .08, squares 10 and .001,
    // IC = .08 / sqrt(.01) = 0.8. Label ranks 1 3 2 5 4 against 1..5: sum of products 8 over sqrt(10 x 10): 0.8.
    private const double Day1Ic = 0.8;
    private const double Day1RankIc = 0.8;

    // Day 2: score mean 2.2, deviations -.2 -.2 -1.2 .8 .8; label mean .01, deviations .01 -.01 -.02 0 .02: sum of
    // products .04, squares 2.8 and .001: IC = .04 / sqrt(.0028) = 2 / sqrt(7). Score ranks with ties at their mean
    // 2.5 2.5 1 4.5 4.5, label ranks 4 2 1 3 5: deviations -.5 -.5 -2 1.5 1.5 and 1 -1 -2 0 2, sum of products 7,
    // squares 9 and 10: Rank IC = 7 / sqrt(90).
    private static readonly double s_day2Ic = 2 / Math.Sqrt(7);
    private static readonly double s_day2RankIc = 7 / Math.Sqrt(90);

    // Long-short with quintiles of five symbols: one symbol a leg. Day 1: E (.04) - A (.01) = .03. Day 2: the top is
    // E, last of the tied D and E by symbol (.03), the bottom C (-.01): .04.
    private const double Day1LongShort = 0.03;
    private const double Day2LongShort = 0.04;

    private static readonly SignalReport s_report = SignalEvaluation.Evaluate(s_scores);

    [Fact]
    public void Days_with_fewer_symbols_than_the_minimum_are_left_out() =>
        Assert.Equal(new[] { s_day1, s_day2 }, s_report.Daily.Select(d => d.Time));

    [Fact]
    public void A_row_without_a_score_is_left_out_of_its_day() =>
        Assert.Equal(5, s_report.Daily[0].Symbols);

    [Fact]
    public void Daily_IC_is_the_Pearson_correlation_of_score_and_label()
    {
        Assert.Equal(Day1Ic, s_report.Daily[0].Ic, 12);
        Assert.Equal(s_day2Ic, s_report.Daily[1].Ic, 12);
    }

    [Fact]
    public void Daily_rank_IC_gives_tied_scores_their_mean_rank()
    {
        Assert.Equal(Day1RankIc, s_report.Daily[0].RankIc, 12);
        Assert.Equal(s_day2RankIc, s_report.Daily[1].RankIc, 12);
    }

    [Fact]
    public void ICIR_is_the_mean_over_the_sample_standard_deviation_of_the_daily_values()
    {
        // Two values a and b: sample standard deviation |a - b| / sqrt(2).
        var meanIc = (Day1Ic + s_day2Ic) / 2;
        var icStd = Math.Abs(Day1Ic - s_day2Ic) / Math.Sqrt(2);
        var meanRankIc = (Day1RankIc + s_day2RankIc) / 2;
        var rankIcStd = Math.Abs(Day1RankIc - s_day2RankIc) / Math.Sqrt(2);

        Assert.Equal(meanIc, s_report.MeanIc, 12);
        Assert.Equal(icStd, s_report.IcStd, 12);
        Assert.Equal(meanIc / icStd, s_report.Icir, 9);
        Assert.Equal(meanRankIc, s_report.MeanRankIc, 12);
        Assert.Equal(rankIcStd, s_report.RankIcStd, 12);
        Assert.Equal(meanRankIc / rankIcStd, s_report.RankIcir, 9);
    }

    [Fact]
    public void Long_short_is_the_top_quantile_s_mean_label_minus_the_bottom_s()
    {
        Assert.Equal(Day1LongShort, s_report.Daily[0].LongShortReturn, 12);
        Assert.Equal(Day2LongShort, s_report.Daily[1].LongShortReturn, 12);
    }

    [Fact]
    public void Long_short_summary_is_its_mean_annualized_Sharpe_and_compounded_return()
    {
        // Mean .035, sample standard deviation .01 / sqrt(2); Sharpe .035 / (.01 / sqrt(2)) x sqrt(252); 1.03 x 1.04 - 1.
        Assert.Equal(0.035, s_report.LongShortMeanReturn, 12);
        Assert.Equal(0.035 / (0.01 / Math.Sqrt(2)) * Math.Sqrt(252), s_report.LongShortSharpe, 9);
        Assert.Equal(0.0712, s_report.LongShortCumulativeReturn, 12);
    }

    [Fact]
    public void Legs_of_a_larger_day_hold_a_quantile_each()
    {
        // Ten symbols, quintiles: two a leg. Scores 1..10 with labels equal to the scores: (9 + 10) / 2 - (1 + 2) / 2 = 8.
        var day = Enumerable.Range(1, 10).Select(i => new SignalScore(s_day1, Symbol.Parse($"S{i}"), i, i)).ToArray();

        Assert.Equal(8, SignalEvaluation.Evaluate(day).Daily[0].LongShortReturn, 12);
    }

    [Fact]
    public void A_day_whose_scores_are_all_equal_has_no_IC_and_is_left_out_of_the_mean()
    {
        var flat = Enumerable.Range(1, 5).Select(i => new SignalScore(s_day3.AddDays(1), Symbol.Parse($"S{i}"), 7, i)).ToArray();

        var report = SignalEvaluation.Evaluate([.. s_scores, .. flat]);

        Assert.True(double.IsNaN(report.Daily[2].Ic));
        Assert.Equal((Day1Ic + s_day2Ic) / 2, report.MeanIc, 12);
    }

    [Fact]
    public void One_day_has_no_standard_deviation_so_no_ICIR()
    {
        var report = SignalEvaluation.Evaluate(s_scores.Where(s => s.Time == s_day1).ToArray());

        Assert.Equal(1, report.Days);
        Assert.True(double.IsNaN(report.IcStd));
        Assert.True(double.IsNaN(report.Icir));
    }

    [Fact]
    public void Too_few_quantiles_or_symbols_are_refused_together()
    {
        var error = Assert.Throws<InvalidInputException>(() => SignalEvaluation.Evaluate(s_scores, quantiles: 1, minimumSymbols: 1));

        Assert.Equal(["quantiles", "minimum_symbols"], error.Errors.Select(e => e.Field));
    }
}
