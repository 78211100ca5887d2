using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>The shape rules of an <see cref="OrderRequest"/> (Alpaca's, from its order API): reported all at once.</summary>
internal static class OrderRequestRules
{
    public static List<FieldError> Check(OrderRequest order)
    {
        var errors = new List<FieldError>();
        CheckIds(order, errors);
        if (order.Quantity.IsZero)
            errors.Add(new("qty", "must be greater than zero"));
        CheckPrices(order, errors);
        CheckClass(order, errors);
        return errors;
    }

    private static void CheckIds(OrderRequest order, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(order.ClientOrderId))
            errors.Add(new("client_order_id", "is required"));
        else if (order.ClientOrderId.Length > OrderRequest.MaxClientOrderIdLength)
            errors.Add(new("client_order_id", $"is {order.ClientOrderId.Length} characters long; at most {OrderRequest.MaxClientOrderIdLength} are allowed"));
        else if (!order.ClientOrderId.All(IsIdCharacter))
            errors.Add(new("client_order_id", "may contain only letters, digits and - _ . : / (ids travel in URLs, logs and reports)"));
        if (string.IsNullOrWhiteSpace(order.PortfolioId))
            errors.Add(new("portfolio_id", "is required"));
    }

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/';

    private static void CheckPrices(OrderRequest order, List<FieldError> errors)
    {
        var needsLimit = order.Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = order.Type is OrderType.Stop or OrderType.StopLimit;
        Require(order.LimitPrice is not null, needsLimit, "limit_price", order.Type, errors);
        Require(order.StopPrice is not null, needsStop, "stop_price", order.Type, errors);

        if (order.Type == OrderType.TrailingStop)
        {
            if ((order.TrailPrice is null) == (order.TrailPercent is null))
                errors.Add(new("trail_price", "a trailing_stop order needs exactly one of trail_price and trail_percent"));
        }
        else if (order.TrailPrice is not null || order.TrailPercent is not null)
        {
            errors.Add(new(order.TrailPrice is not null ? "trail_price" : "trail_percent", $"is only for trailing_stop orders, not {WireName.Of(order.Type)}"));
        }
        if (order.TrailPercent is { } percent && (percent <= 0m || percent >= 100m))
            errors.Add(new("trail_percent", $"{percent} must be between 0 and 100, exclusive"));
    }

    private static void Require(bool present, bool needed, string field, OrderType type, List<FieldError> errors)
    {
        if (needed && !present)
            errors.Add(new(field, $"is required for {WireName.Of(type)} orders"));
        else if (!needed && present)
            errors.Add(new(field, $"is not allowed for {WireName.Of(type)} orders"));
    }

    private static void CheckClass(OrderRequest order, List<FieldError> errors)
    {
        switch (order.Class)
        {
            case OrderClass.Simple:
                if (order.TakeProfit is not null || order.StopLoss is not null)
                    errors.Add(new("order_class", "take_profit and stop_loss need order_class bracket, oco or oto"));
                break;
            case OrderClass.Bracket:
                if (order.TakeProfit is null || order.StopLoss is null)
                    errors.Add(new("order_class", "bracket orders need both take_profit.limit_price and stop_loss.stop_price"));
                else if (order.Side == Side.Buy ? order.TakeProfit.LimitPrice <= order.StopLoss.StopPrice : order.TakeProfit.LimitPrice >= order.StopLoss.StopPrice)
                    errors.Add(new("take_profit.limit_price", order.Side == Side.Buy
                        ? "must be above stop_loss.stop_price for a buy bracket"
                        : "must be below stop_loss.stop_price for a sell bracket"));
                RequireDayOrGtc(order, errors);
                break;
            case OrderClass.Oco:
                if (order.Type != OrderType.Limit)
                    errors.Add(new("type", "oco orders must be limit orders (the limit is the take-profit leg)"));
                if (order.StopLoss is null)
                    errors.Add(new("stop_loss.stop_price", "is required for oco orders"));
                RequireDayOrGtc(order, errors);
                break;
            case OrderClass.Oto:
                if ((order.TakeProfit is null) == (order.StopLoss is null))
                    errors.Add(new("order_class", "oto orders need exactly one of take_profit and stop_loss"));
                RequireDayOrGtc(order, errors);
                break;
        }
    }

    private static void RequireDayOrGtc(OrderRequest order, List<FieldError> errors)
    {
        if (order.TimeInForce is not (TimeInForce.Day or TimeInForce.Gtc))
            errors.Add(new("time_in_force", $"{WireName.Of(order.Class)} orders must be day or gtc, not {WireName.Of(order.TimeInForce)}"));
    }
}
