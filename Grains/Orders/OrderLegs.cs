namespace Meridian.Grains.Orders;

/// <summary>The client order ids of a bracket, OCO or OTO order's exit legs, derived from the parent's so every party (Order grains, brokers) names them alike.</summary>
public static class OrderLegs
{
    /// <summary>The take-profit leg of <paramref name="parentClientOrderId"/>.</summary>
    public static string TakeProfitId(string parentClientOrderId) => parentClientOrderId + "-tp";

    /// <summary>The stop-loss leg of <paramref name="parentClientOrderId"/>.</summary>
    public static string StopLossId(string parentClientOrderId) => parentClientOrderId + "-sl";
}
