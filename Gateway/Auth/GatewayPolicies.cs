namespace Meridian.Gateway.Auth;

/// <summary>The authorization policies endpoints require, one per <see cref="ApiRole"/> (a higher role satisfies a lower one).</summary>
public static class GatewayPolicies
{
    /// <summary>Any valid key.</summary>
    public const string Viewer = "viewer";

    /// <summary>A trader or admin key.</summary>
    public const string Trader = "trader";

    /// <summary>An admin key.</summary>
    public const string Admin = "admin";
}
