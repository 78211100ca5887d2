namespace Meridian.Gateway.Auth;

/// <summary>What a key may do: each role can do everything the one before it can.</summary>
public enum ApiRole
{
    /// <summary>Reads: orders, portfolios, prices, models, the runtime, metrics, the dashboard.</summary>
    Viewer = 1,

    /// <summary>Also submits, cancels and replaces orders.</summary>
    Trader = 2,

    /// <summary>Also changes risk limits, the trading state (kill switch), liquidates, promotes models and manages keys.</summary>
    Admin = 3,
}
