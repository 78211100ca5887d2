using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Tests.MarketData.Synthetic;

internal static class SyntheticFixture
{
    /// <summary>Daily log returns of a series' closes: ln(close_t / close_(t-1)), one fewer than bars.</summary>
    public static double[] LogReturns(BarSeries series)
    {
        var closes = series.Close;
        var returns = new double[closes.Length - 1];
        for (var i = 1; i < closes.Length; i++)
            returns[i - 1] = Math.Log((double)closes[i] / (double)closes[i - 1]);
        return returns;
    }

    /// <summary>The sample (Pearson) correlation of two equally long samples.</summary>
    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double cov = 0, varX = 0, varY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            cov += (x[i] - meanX) * (y[i] - meanY);
            varX += (x[i] - meanX) * (x[i] - meanX);
            varY += (y[i] - meanY) * (y[i] - meanY);
        }
        return cov / Math.Sqrt(varX * varY);
    }

    /// <summary>The sample standard deviation.</summary>
    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1));
    }
}
