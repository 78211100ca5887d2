using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Tests.Models.Serving;

/// <summary>Models with known formulas, and bars whose features are easy to work out by hand.</summary>
internal static class ServingFixtures
{
    public static readonly DateTimeOffset FirstDay = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    public static readonly string[] Symbols = ["AAA", "BBB", "CCC", "DDD"];

    /// <summary>
    /// A ridge model file over one feature with score = <paramref name="slope"/> × feature + <paramref name="intercept"/>
    /// exactly: fitted without penalty or standardization on 40 rows that lie on that line.
    /// </summary>
    public static string LinearModel(string name, double slope, double intercept, string feature = "ROC5")
    {
        const int rows = 40;
        var x = new double[rows];
        var y = new double[rows];
        var times = new DateTimeOffset[rows];
        var symbols = new Symbol[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = 0.8 + (i * 0.01);
            y[i] = (slope * x[i]) + intercept;
            times[i] = FirstDay.AddDays(i);
            symbols[i] = Symbol.Parse("AAA");
        }
        var data = new Dataset([feature], x, y, times, symbols);
        var model = RidgeRegression.Fit(data, new RidgeOptions { Lambda = 0, Standardize = false });
        return ModelArtifact.Create(name, model, data, new Dictionary<string, string> { ["formula"] = $"{slope} x {feature} + {intercept}" }).ToJson();
    }

    /// <summary>The close of symbol <paramref name="symbol"/> (0-based) on day <paramref name="day"/>: a different wiggle per symbol.</summary>
    public static decimal Close(int symbol, int day) => 100m + (symbol * 3m) + ((day * day) % 7) + (symbol * day * 0.5m);

    /// <summary>The slice of day <paramref name="day"/>: one daily bar per symbol, known at its close.</summary>
    public static BarSlice Slice(int day)
    {
        var bars = new List<Bar>();
        for (var s = 0; s < Symbols.Length; s++)
        {
            var close = Close(s, day);
            bars.Add(new Bar(Symbol.Parse(Symbols[s]), FirstDay.AddDays(day), TimeSpan.FromDays(1),
                Price.Of(close - 1m), Price.Of(close + 2m), Price.Of(close - 2m), Price.Of(close), 1_000m));
        }
        return new BarSlice(FirstDay.AddDays(day + 1), bars);
    }

    /// <summary>Qlib's ROC5 of symbol <paramref name="symbol"/> after day <paramref name="day"/>: close five days before over today's close.</summary>
    public static double Roc5(int symbol, int day) => (double)Close(symbol, day - 5) / (double)Close(symbol, day);

    /// <summary>Pearson correlation, from the definition.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
