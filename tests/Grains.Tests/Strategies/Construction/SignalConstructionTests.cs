using Meridian.Grains.Domain;
using Meridian.Grains.Strategies;
using Meridian.Grains.Strategies.Construction;
using static Meridian.Grains.Tests.Strategies.Construction.CrossSection;

namespace Meridian.Grains.Tests.Strategies.Construction;

/// <summary>Weights and whole-share targets worked out by hand from the six names of <see cref="CrossSection"/>, equity 100,000.</summary>
public sealed class SignalConstructionTests
{
    private static IReadOnlyList<PortfolioTarget> Targets(SignalConstructionOptions options, IReadOnlyList<Insight>? insights = null, params (string, decimal)[] held) =>
        new SignalConstruction(options).CreateTargets(insights ?? Six, Holding(held));

    [Fact]
    public void Equal_weights_split_equity_among_the_highest_scores()
    {
        // AAA and BBB at 0.5: 50,000 / 50 = 1,000 and 50,000 / 20 = 2,500.
        var targets = Targets(new() { TopN = 2 });

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 1_000m, ["BBB"] = 2_500m }, Quantities(targets));
    }

    [Fact]
    public void Names_not_selected_weigh_zero()
    {
        var weights = new SignalConstruction(new() { TopN = 2 }).TargetWeights(Six, Holding());

        Assert.Equal([0.5, 0.5, 0, 0, 0, 0], Six.Select(i => weights[i.Symbol]));
    }

    [Fact]
    public void Score_weights_follow_the_distance_from_the_median_score()
    {
        // Median 0: AAA 0.05 and BBB 0.03 weigh 5/8 and 3/8: 62,500 / 50 = 1,250 and 37,500 / 20 = 1,875.
        var targets = Targets(new() { TopN = 2, Weighting = SignalWeighting.Score });

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 1_250m, ["BBB"] = 1_875m }, Quantities(targets));
    }

    [Fact]
    public void Score_weights_use_the_middle_score_of_an_odd_cross_section()
    {
        // Without FFF the median is CCC's 0.01: AAA |0.04| and BBB |0.02| weigh 2/3 and 1/3:
        // 66,666.67 / 50 = 1,333.3 -> 1,333 and 33,333.33 / 20 = 1,666.7 -> 1,666.
        var targets = Targets(new() { TopN = 2, Weighting = SignalWeighting.Score }, Six.Take(5).ToList());

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 1_333m, ["BBB"] = 1_666m }, Quantities(targets));
    }

    [Fact]
    public void Volatility_scaling_divides_by_volatility_and_renormalizes()
    {
        // 1 / 0.02 = 50 and 1 / 0.01 = 100: weights 1/3 and 2/3: 33,333.3 / 50 = 666.7 -> 666, 66,666.7 / 20 = 3,333.3 -> 3,333.
        var targets = Targets(new() { TopN = 2, VolatilityScaling = true });

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 666m, ["BBB"] = 3_333m }, Quantities(targets));
    }

    [Fact]
    public void Volatility_scaling_leaves_out_names_without_a_positive_volatility()
    {
        // AAA (no volatility) and BBB (zero) are not ranked: the top two are CCC (1 / 0.04 = 25) and DDD (1 / 0.02 = 50),
        // weights 1/3 and 2/3: 33,333.3 / 40 = 833.3 -> 833 and 66,666.7 / 25 = 2,666.7 -> 2,666.
        var insights = Six.Select(i => i.Symbol.Value switch
        {
            "AAA" => i with { Volatility = null },
            "BBB" => i with { Volatility = 0 },
            _ => i,
        }).ToList();

        var targets = Targets(new() { TopN = 2, VolatilityScaling = true }, insights);

        Assert.Equal(new Dictionary<string, decimal> { ["CCC"] = 833m, ["DDD"] = 2_666m }, Quantities(targets));
    }

    [Fact]
    public void Long_short_gives_each_side_half_of_the_gross_exposure()
    {
        // Gross 2: AAA, BBB +0.5 each; FFF, EEE -0.5 each: -50,000 / 80 = -625 and -50,000 / 10 = -5,000.
        var targets = Targets(new() { TopN = 2, BottomN = 2, GrossExposure = 2 });

        Assert.Equal(
            new Dictionary<string, decimal> { ["AAA"] = 1_000m, ["BBB"] = 2_500m, ["FFF"] = -625m, ["EEE"] = -5_000m },
            Quantities(targets));
    }

    [Fact]
    public void Short_quantities_are_truncated_toward_zero()
    {
        // Score weights of the short side: FFF |-0.04| and EEE |-0.02| weigh 2/3 and 1/3 of 1:
        // -66,666.67 / 80 = -833.3 -> -833 and -33,333.33 / 10 = -3,333.3 -> -3,333.
        var targets = Targets(new() { TopN = 2, BottomN = 2, GrossExposure = 2, Weighting = SignalWeighting.Score });

        Assert.Equal(
            new Dictionary<string, decimal> { ["AAA"] = 1_250m, ["BBB"] = 1_875m, ["FFF"] = -833m, ["EEE"] = -3_333m },
            Quantities(targets));
    }

    [Fact]
    public void Max_weight_hands_the_excess_to_uncapped_names_until_none_is_over()
    {
        // Scores 0.05, 0.03, 0.01 weigh 5/9, 3/9, 1/9. Cap 0.4: AAA gives 5/9 - 0.4 = 0.1556 to BBB and CCC 3:1, so BBB
        // reaches 0.45 and gives 0.05 to CCC: 0.4, 0.4, 0.2 -> 40,000 / 50 = 800, 40,000 / 20 = 2,000, 20,000 / 40 = 500.
        var targets = Targets(new() { TopN = 3, Weighting = SignalWeighting.Score, MaxWeight = 0.4 });

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 800m, ["BBB"] = 2_000m, ["CCC"] = 500m }, Quantities(targets));
    }

    [Fact]
    public void Max_weight_leaves_cash_once_every_name_is_capped()
    {
        // Two names at 0.5, cap 0.3: 0.3 each and 0.4 in cash: 30,000 / 50 = 600 and 30,000 / 20 = 1,500.
        var construction = new SignalConstruction(new() { TopN = 2, MaxWeight = 0.3 });

        var targets = construction.CreateTargets(Six, Holding());

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 600m, ["BBB"] = 1_500m }, Quantities(targets));
        Assert.Equal(0.6, construction.TargetWeights(Six, Holding()).Values.Sum(), 12);
    }

    [Fact]
    public void Kelly_fraction_caps_a_name_at_f_times_score_over_variance()
    {
        // f = 0.01: CCC's cap is 0.01 x 0.01 / 0.04^2 = 0.0625 (AAA's 1.25 and BBB's 3 do not bind). CCC gives
        // 1/3 - 0.0625 to AAA and BBB equally: 0.46875 each. 46,875 / 50 = 937.5 -> 937, 46,875 / 20 = 2,343.75 -> 2,343,
        // 6,250 / 40 = 156.25 -> 156.
        var targets = Targets(new() { TopN = 3, KellyFraction = 0.01 });

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 937m, ["BBB"] = 2_343m, ["CCC"] = 156m }, Quantities(targets));
    }

    [Fact]
    public void Turnover_over_the_limit_scales_every_change_by_limit_over_turnover()
    {
        // Held: AAA 1,000 x 50 = 0.5, CCC 1,250 x 40 = 0.5. New: AAA 0.5, BBB 0.5, CCC 0: turnover 1.0, limit 0.4, so
        // every change is scaled by 0.4: BBB 0.2 -> 20,000 / 20 = 1,000; CCC 0.3 -> 30,000 / 40 = 750; AAA unchanged.
        var targets = Targets(new() { TopN = 2, TurnoverLimit = 0.4 }, null, ("AAA", 1_000m), ("CCC", 1_250m));

        Assert.Equal(new Dictionary<string, decimal> { ["BBB"] = 1_000m, ["CCC"] = 750m }, Quantities(targets));
    }

    [Fact]
    public void Turnover_at_the_limit_trades_in_full()
    {
        var targets = Targets(new() { TopN = 2, TurnoverLimit = 1.0 }, null, ("AAA", 1_000m), ("CCC", 1_250m));

        Assert.Equal(new Dictionary<string, decimal> { ["BBB"] = 2_500m, ["CCC"] = 0m }, Quantities(targets));
    }

    [Fact]
    public void A_held_name_no_longer_selected_targets_zero_and_one_without_a_scored_insight_is_left_alone()
    {
        var insights = Six.Append(Scored("GGG", null, 0.02, 30m)).ToList();

        var targets = Targets(new() { TopN = 2 }, insights, ("CCC", 300m), ("GGG", 100m), ("ZZZ", 10m));

        Assert.Equal(new Dictionary<string, decimal> { ["AAA"] = 1_000m, ["BBB"] = 2_500m, ["CCC"] = 0m }, Quantities(targets));
    }

    [Fact]
    public void A_name_already_at_its_target_gives_no_target()
    {
        var targets = Targets(new() { TopN = 2 }, null, ("AAA", 1_000m));

        Assert.Equal(new Dictionary<string, decimal> { ["BBB"] = 2_500m }, Quantities(targets));
    }

    [Fact]
    public void Score_weighting_with_every_score_at_the_median_holds_nothing()
    {
        var insights = Six.Select(i => i with { Score = 0.02 }).ToList();

        Assert.Empty(Targets(new() { TopN = 2, Weighting = SignalWeighting.Score }, insights));
    }

    [Fact]
    public void Ties_go_to_the_symbol_first_in_ordinal_order_whatever_the_order_of_the_insights()
    {
        // All four score 0.02: longs AAA, MMM (first two by symbol), short QQQ (first of the rest). Gross 3: 1.5 a side.
        // AAA 75,000 / 50 = 1,500; MMM 75,000 / 25 = 3,000; QQQ -150,000 / 100 = -1,500.
        Insight[] insights =
        [
            Scored("ZZZ", 0.02, 0.01, 10m),
            Scored("MMM", 0.02, 0.01, 25m),
            Scored("QQQ", 0.02, 0.01, 100m),
            Scored("AAA", 0.02, 0.01, 50m),
        ];
        var options = new SignalConstructionOptions { TopN = 2, BottomN = 1, GrossExposure = 3 };

        var forward = Targets(options, insights);
        var backward = Targets(options, insights.Reverse().ToList());

        var expected = new Dictionary<string, decimal> { ["AAA"] = 1_500m, ["MMM"] = 3_000m, ["QQQ"] = -1_500m };
        Assert.Equal(expected, Quantities(forward));
        Assert.Equal(expected, Quantities(backward));
    }

    [Fact]
    public void The_options_combine_in_order_weights_caps_then_turnover()
    {
        // Long-short, gross 2 (1 a side), score x 1/volatility, cap 0.7, Kelly f = 0.01, turnover limit 0.765; AAA 500 held.
        // Longs: AAA 0.05 / 0.02 = 2.5, BBB 0.03 / 0.01 = 3: 5/11 and 6/11 (caps 0.7; Kelly 1.25 and 3: none binds).
        // Shorts: FFF 0.04 / 0.01 = 4, EEE 0.02 / 0.05 = 0.4: 10/11 and 1/11; FFF capped at 0.7, EEE at its Kelly cap
        // 0.01 x 0.02 / 0.05^2 = 0.08; no short is left under its cap, so 0.22 stays in cash.
        // Current AAA 500 x 50 / 100,000 = 0.25. Turnover 9/44 + 6/11 + 0.7 + 0.08 = 1.53, limit 0.765: scale 1/2.
        // AAA 0.25 + 9/88 = 31/88 -> 704.5 -> 704; BBB 3/11 -> 1,363.6 -> 1,363; FFF -0.35 -> -437.5 -> -437; EEE -0.04 -> -400.
        var options = new SignalConstructionOptions
        {
            TopN = 2,
            BottomN = 2,
            GrossExposure = 2,
            Weighting = SignalWeighting.Score,
            VolatilityScaling = true,
            MaxWeight = 0.7,
            KellyFraction = 0.01,
            TurnoverLimit = 0.765,
        };

        var targets = Targets(options, null, ("AAA", 500m));

        Assert.Equal(
            new Dictionary<string, decimal> { ["AAA"] = 704m, ["BBB"] = 1_363m, ["FFF"] = -437m, ["EEE"] = -400m },
            Quantities(targets));
    }

    [Fact]
    public void Bad_options_are_refused_naming_every_field_at_fault()
    {
        var options = new SignalConstructionOptions
        {
            TopN = 0,
            BottomN = -1,
            GrossExposure = 0,
            MaxWeight = -0.1,
            TurnoverLimit = 0,
            KellyFraction = 1.5,
        };

        var error = Assert.Throws<InvalidInputException>(() => new SignalConstruction(options));

        Assert.Equal(["top_n", "bottom_n", "gross_exposure", "max_weight", "turnover_limit", "kelly_fraction"], error.Errors.Select(e => e.Field));
    }
}
