using Meridian.Grains.Domain;
using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Tests.Models.Learning;

public sealed class RidgeRegressionTests
{
    private static readonly string[] s_features = ["momentum", "volume"];
    private static readonly double[][] s_rows = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 6], [6, 8]];
    private static readonly double[] s_labels = [3, 4, 8, 9, 13, 18];
    private static readonly RidgeOptions s_small = new() { MinimumRows = 3 };

    [Fact]
    public void Weights_are_the_closed_form_with_an_unpenalized_intercept()
    {
        // b = (A'A + diag(0, λ, λ))^-1 A'y with A = [1 x0 x1]: the intercept column carries no penalty.
        const double Lambda = 2.5;
        var closedForm = SolvePenalized(s_rows, s_labels, [0, Lambda, Lambda]);

        var model = RidgeRegression.Fit(Datasets.Of(s_features, s_rows, s_labels), s_small with { Lambda = Lambda, Standardize = false });

        Assert.Equal(closedForm[0], model.Predict([0, 0]), 10);
        Assert.Equal(closedForm[1], model.Predict([1, 0]) - model.Predict([0, 0]), 10);
        Assert.Equal(closedForm[2], model.Predict([0, 1]) - model.Predict([0, 0]), 10);
    }

    [Fact]
    public void Standardized_weights_are_the_closed_form_on_features_scaled_by_their_standard_deviation()
    {
        // z = (x - mean) / population sd; w = (Z'Z + λI)^-1 Z'(y - mean y), worked out as a 2 x 2 inverse.
        const double Lambda = 3;
        var z = Enumerable.Range(0, 2).Select(j => Standardize(s_rows.Select(r => r[j]).ToArray())).ToArray();
        var y = s_labels.Select(l => l - s_labels.Average()).ToArray();
        double a = Dot(z[0], z[0]) + Lambda, b = Dot(z[0], z[1]), d = Dot(z[1], z[1]) + Lambda;
        double u = Dot(z[0], y), v = Dot(z[1], y);
        var determinant = (a * d) - (b * b);

        var model = RidgeRegression.Fit(Datasets.Of(s_features, s_rows, s_labels), s_small with { Lambda = Lambda });

        Assert.Equal(((d * u) - (b * v)) / determinant, model.Weights[0], 10);
        Assert.Equal(((a * v) - (b * u)) / determinant, model.Weights[1], 10);
        Assert.Equal(s_labels.Average(), model.Intercept, 12);
    }

    [Fact]
    public void Lambda_zero_recovers_an_exact_linear_relation()
    {
        // y = 1 + 2 x0 - 3 x1 on every row: least squares fits it exactly, standardized or not.
        var labels = s_rows.Select(r => 1 + (2 * r[0]) - (3 * r[1])).ToArray();
        var data = Datasets.Of(s_features, s_rows, labels);

        foreach (var standardize in new[] { true, false })
        {
            var model = RidgeRegression.Fit(data, s_small with { Lambda = 0, Standardize = standardize });

            Assert.Equal(1, model.Predict([0, 0]), 9);
            Assert.Equal(3, model.Predict([1, 0]), 9);
            Assert.Equal(-2, model.Predict([0, 1]), 9);
        }
    }

    [Fact]
    public void A_positive_lambda_shrinks_the_weights()
    {
        var labels = s_rows.Select(r => 1 + (2 * r[0]) - (3 * r[1])).ToArray();
        var data = Datasets.Of(s_features, s_rows, labels);

        var exact = RidgeRegression.Fit(data, s_small with { Lambda = 0 });
        var shrunk = RidgeRegression.Fit(data, s_small with { Lambda = 10 });

        Assert.True(Norm(shrunk.Weights) < Norm(exact.Weights));
    }

    [Fact]
    public void A_NaN_feature_is_refused_naming_the_feature_the_symbol_and_the_date()
    {
        double[][] rows = [.. s_rows.Select(r => (double[])r.Clone())];
        rows[3][1] = double.NaN;

        var error = Assert.Throws<InvalidInputException>(() => RidgeRegression.Fit(Datasets.Of(s_features, rows, s_labels), s_small));

        Assert.Equal("volume", error.Errors.Single().Field);
        Assert.Contains("AAA on 2024-01-05", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_a_label_is_refused()
    {
        double[] labels = [.. s_labels];
        labels[0] = double.NaN;

        var error = Assert.Throws<InvalidInputException>(() => RidgeRegression.Fit(Datasets.Of(s_features, s_rows, labels), s_small));

        Assert.Contains("AAA on 2024-01-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_feature_gets_weight_zero_and_is_reported()
    {
        var rows = s_rows.Select(r => new[] { r[0], 7.0 }).ToArray();
        var labels = rows.Select(r => 1 + (2 * r[0])).ToArray();

        var model = RidgeRegression.Fit(Datasets.Of(s_features, rows, labels), s_small with { Lambda = 0 });

        Assert.Equal([1], model.ConstantFeatures);
        Assert.Equal(0, model.Weights[1]);
        Assert.Equal(1 + (2 * 10), model.Predict([10, 7]), 9);
    }

    [Fact]
    public void No_more_rows_than_features_is_refused()
    {
        var data = Datasets.Of(s_features, s_rows[..2], s_labels[..2]);

        var error = Assert.Throws<InvalidInputException>(() => RidgeRegression.Fit(data, s_small with { MinimumRows = 2 }));

        Assert.Equal("rows", error.Errors.Single().Field);
    }

    [Fact]
    public void Fewer_rows_than_the_stated_minimum_are_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => RidgeRegression.Fit(Datasets.Of(s_features, s_rows, s_labels)));

        Assert.Contains("at least 30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Linearly_dependent_features_without_a_penalty_are_refused()
    {
        var rows = s_rows.Select(r => new[] { r[0], 2 * r[0] }).ToArray();

        var error = Assert.Throws<InvalidInputException>(() => RidgeRegression.Fit(Datasets.Of(s_features, rows, s_labels), s_small with { Lambda = 0 }));

        Assert.Equal("lambda", error.Errors.Single().Field);
    }

    [Fact]
    public void Bad_options_are_reported_together() =>
        Assert.Equal(["lambda", "minimum_rows"], new RidgeOptions { Lambda = -1, MinimumRows = 0 }.Validate().Select(e => e.Field));

    [Fact]
    public void A_row_of_the_wrong_width_is_refused()
    {
        var model = RidgeRegression.Fit(Datasets.Of(s_features, s_rows, s_labels), s_small);

        Assert.Throws<ArgumentException>(() => model.Predict([1, 2, 3]));
    }

    /// <summary>Solves (A'A + diag(penalty)) b = A'y for A = [1 x0 x1] by Cramer's rule.</summary>
    private static double[] SolvePenalized(double[][] rows, double[] labels, double[] penalty)
    {
        var a = rows.Select(r => new[] { 1, r[0], r[1] }).ToArray();
        var m = new double[3, 3];
        var rhs = new double[3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
                m[i, j] = a.Sum(row => row[i] * row[j]) + (i == j ? penalty[i] : 0);
            rhs[i] = a.Select((row, r) => row[i] * labels[r]).Sum();
        }
        var determinant = Determinant(m);
        return [.. Enumerable.Range(0, 3).Select(k => Determinant(WithColumn(m, k, rhs)) / determinant)];
    }

    private static double[,] WithColumn(double[,] m, int column, double[] values)
    {
        var copy = (double[,])m.Clone();
        for (var i = 0; i < 3; i++)
            copy[i, column] = values[i];
        return copy;
    }

    private static double Determinant(double[,] m) =>
        (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
        - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
        + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));

    private static double[] Standardize(double[] x)
    {
        var mean = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
        return [.. x.Select(v => (v - mean) / sd)];
    }

    private static double Dot(double[] x, double[] y) => x.Zip(y, (a, b) => a * b).Sum();

    private static double Norm(IReadOnlyList<double> w) => Math.Sqrt(w.Sum(v => v * v));
}
