using MathNet.Numerics.LinearAlgebra;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// Fits a ridge regression by its normal equations: w = (Z'Z + λI)^-1 Z'(y - mean(y)), Z the centred (and optionally
/// standardized) features, intercept = mean(y), so the intercept is not penalized (docs/models.md, "Ridge regression").
/// </summary>
public static class RidgeRegression
{
    // Rows per block of Z when accumulating Z'Z: a block is small enough to stay in cache, large enough for MathNet's kernels.
    private const int BlockRows = 4096;

    private const string What = "ridge training data";

    /// <summary>
    /// Fits <paramref name="data"/>. Every label and feature must be finite (<see cref="InvalidInputException"/> names
    /// the first that is not, its symbol and date); there must be more rows than features and at least
    /// <see cref="RidgeOptions.MinimumRows"/>. A feature with one value over all rows gets weight 0 and is listed in
    /// <see cref="RidgeModel.ConstantFeatures"/>. With lambda 0, features that are linear combinations of each other are refused.
    /// </summary>
    public static RidgeModel Fit(Dataset data, RidgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options = (options ?? RidgeOptions.Default).EnsureValid();
        if (data.RowCount < options.MinimumRows || data.RowCount <= data.FeatureCount)
        {
            throw new InvalidInputException(What, [new("rows",
                $"{data.RowCount} rows are too few for {data.FeatureCount} features: ridge needs more rows than features and at least {options.MinimumRows} (ridge.minimum_rows)")]);
        }
        TrainingRows.RequireLabels(data, What);
        TrainingRows.RequireFiniteFeatures(data, What);

        var means = ColumnMeans(data);
        var constant = ConstantColumns(data);
        var scales = options.Standardize ? ColumnDeviations(data, means, constant) : Enumerable.Repeat(1.0, data.FeatureCount).ToArray();
        var active = Enumerable.Range(0, data.FeatureCount).Where(j => !constant[j]).ToArray();
        var labelMean = Mean(data.Labels);

        var weights = new double[data.FeatureCount];
        if (active.Length > 0)
        {
            var (gram, moments) = NormalEquations(data, active, means, scales, labelMean);
            for (var k = 0; k < active.Length; k++)
                gram[k, k] += options.Lambda;
            var solved = Solve(gram, moments);
            for (var k = 0; k < active.Length; k++)
                weights[active[k]] = solved[k];
        }
        var constantFeatures = Enumerable.Range(0, data.FeatureCount).Where(j => constant[j]).ToArray();
        return new RidgeModel(new RidgeCoefficients(labelMean, means, scales, weights, constantFeatures));
    }

    /// <summary>Z'Z and Z'(y - mean(y)) over the active features, accumulated a block of rows at a time.</summary>
    private static (Matrix<double> Gram, Vector<double> Moments) NormalEquations(
        Dataset data, int[] active, double[] means, double[] scales, double labelMean)
    {
        var gram = Matrix<double>.Build.Dense(active.Length, active.Length);
        var moments = Vector<double>.Build.Dense(active.Length);
        for (var start = 0; start < data.RowCount; start += BlockRows)
        {
            var rows = Math.Min(BlockRows, data.RowCount - start);
            var z = new double[rows * active.Length]; // column-major, as MathNet stores dense matrices
            var y = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                var row = data.Row(start + i);
                for (var k = 0; k < active.Length; k++)
                {
                    var j = active[k];
                    z[(k * rows) + i] = (row[j] - means[j]) / scales[j];
                }
                y[i] = data.Labels[start + i] - labelMean;
            }
            var block = Matrix<double>.Build.Dense(rows, active.Length, z);
            gram += block.TransposeThisAndMultiply(block);
            moments += block.TransposeThisAndMultiply(Vector<double>.Build.Dense(y));
        }
        return (gram, moments);
    }

    private static Vector<double> Solve(Matrix<double> gram, Vector<double> moments)
    {
        Vector<double>? solved = null;
        try
        {
            solved = gram.Cholesky().Solve(moments);
        }
        catch (ArgumentException)
        {
            // Not positive definite: only possible with lambda 0 (Z'Z is positive semi-definite, + λI makes it definite).
        }
        return solved is not null && solved.All(double.IsFinite)
            ? solved
            : throw new InvalidInputException(What, [new("lambda",
                "the features are linearly dependent, so least squares has no single answer: set lambda above 0 or drop the redundant features")]);
    }

    private static double[] ColumnMeans(Dataset data)
    {
        var sums = new double[data.FeatureCount];
        for (var r = 0; r < data.RowCount; r++)
        {
            var row = data.Row(r);
            for (var j = 0; j < sums.Length; j++)
                sums[j] += row[j];
        }
        return [.. sums.Select(s => s / data.RowCount)];
    }

    /// <summary>Population standard deviations; 1 for a constant column, whose weight is 0 anyway.</summary>
    private static double[] ColumnDeviations(Dataset data, double[] means, bool[] constant)
    {
        var squares = new double[data.FeatureCount];
        for (var r = 0; r < data.RowCount; r++)
        {
            var row = data.Row(r);
            for (var j = 0; j < squares.Length; j++)
                squares[j] += (row[j] - means[j]) * (row[j] - means[j]);
        }
        return [.. squares.Select((s, j) => constant[j] ? 1.0 : Math.Sqrt(s / data.RowCount))];
    }

    /// <summary>Columns whose every value equals the first row's (exactly: a mean of equal values may differ from them by rounding).</summary>
    private static bool[] ConstantColumns(Dataset data)
    {
        var constant = Enumerable.Repeat(true, data.FeatureCount).ToArray();
        var first = data.Row(0);
        for (var r = 1; r < data.RowCount; r++)
        {
            var row = data.Row(r);
            for (var j = 0; j < constant.Length; j++)
                constant[j] &= row[j] == first[j];
        }
        return constant;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum / values.Length;
    }
}
