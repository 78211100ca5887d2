using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.History;

/// <summary>What a corporate action does to a share.</summary>
public enum CorporateActionKind
{
    /// <summary>Each share becomes <see cref="CorporateAction.Value"/> shares (2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split).</summary>
    Split,

    /// <summary>Each share pays <see cref="CorporateAction.Value"/> in cash, going ex on <see cref="CorporateAction.ExDate"/>.</summary>
    CashDividend,
}

/// <summary>A split or a cash dividend of one symbol, effective from the session of <paramref name="ExDate"/> on.</summary>
public sealed record CorporateAction(Symbol Symbol, DateOnly ExDate, CorporateActionKind Kind, decimal Value);

/// <summary>Which prices a replay sees.</summary>
public enum PriceAdjustment
{
    /// <summary>Prices and volumes as traded.</summary>
    Raw,

    /// <summary>Back-adjusted for splits: prices before a split divided by its ratio, volumes multiplied by it.</summary>
    Split,

    /// <summary>Back-adjusted for splits and cash dividends (the total-return series).</summary>
    All,
}
