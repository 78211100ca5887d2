using Meridian.Grains.Execution;

namespace Meridian.Grains.Tests.Execution;

/// <summary>
/// The sample problem of Almgren and Chriss (2000): sell 1,000,000 shares of a $50 stock over 5 days in 5 slices;
/// 30% annual volatility is σ = 0.95 $/share/√day; the bid-ask spread 1/8 gives ε = 1/16; daily volume 5 million
/// gives γ = 2.5e-7 and η = 2.5e-6.
/// </summary>
internal static class PaperExample
{
    public const double Shares = 1_000_000;
    public const double HorizonDays = 5;
    public const int Slices = 5;

    public static AlmgrenChrissParameters WithRiskAversion(double lambda) =>
        new(Volatility: 0.95, PermanentImpact: 2.5e-7, TemporaryImpact: 2.5e-6, RiskAversion: lambda, FixedCost: 0.0625);
}
