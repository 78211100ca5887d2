namespace Meridian.Grains;

/// <summary>The grain storage the trading grains keep their state in.</summary>
public static class TradingStorage
{
    /// <summary>The storage provider name: the silo's default storage.</summary>
    public const string Name = "Default";
}
