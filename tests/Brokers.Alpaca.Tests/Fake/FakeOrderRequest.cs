using System.Text.Json;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// The body of <c>POST /v2/orders</c>, parsed and checked against the spec's <c>postOrder</c> schema and the order-class
/// rules of NOTES §1.3. Enums are case-sensitive, decimals may be JSON strings or numbers, unknown fields are ignored.
/// Failures become 422 <c>{"code":40010001,"message":...}</c>.
/// </summary>
internal sealed class FakeOrderRequest
{
    public const int MaxClientOrderIdLength = 128;

    private static readonly string[] s_types = ["market", "limit", "stop", "stop_limit", "trailing_stop"];
    private static readonly string[] s_timesInForce = ["day", "gtc", "opg", "cls", "ioc", "fok"];
    private static readonly string[] s_classes = ["simple", "bracket", "oco", "oto", "mleg", ""];
    private static readonly string[] s_sides = ["buy", "sell"];
    private static readonly string[] s_intents = ["buy_to_open", "buy_to_close", "sell_to_open", "sell_to_close"];

    public string? ClientOrderId { get; private set; }
    public string Symbol { get; private set; } = "";
    public string Side { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string TimeInForce { get; private set; } = "";
    public string OrderClass { get; private set; } = "";
    public decimal? Qty { get; private set; }
    public decimal? Notional { get; private set; }
    public decimal? LimitPrice { get; private set; }
    public decimal? StopPrice { get; private set; }
    public decimal? TrailPrice { get; private set; }
    public decimal? TrailPercent { get; private set; }
    public bool ExtendedHours { get; private set; }
    public string? PositionIntent { get; private set; }
    public decimal? TakeProfitLimit { get; private set; }
    public decimal? StopLossStop { get; private set; }
    public decimal? StopLossLimit { get; private set; }

    public bool IsAdvanced => OrderClass is "bracket" or "oco" or "oto";

    /// <summary>An order made by the test (the web UI, another program): nothing to validate.</summary>
    public static FakeOrderRequest External(string symbol, string side, decimal qty, string type, decimal? limitPrice) => new()
    {
        Symbol = symbol,
        Side = side,
        Qty = qty,
        Type = type,
        TimeInForce = "day",
        LimitPrice = limitPrice,
    };

    public static bool TryParse(string body, out FakeOrderRequest request, out string error)
    {
        request = new FakeOrderRequest();
        error = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
        }
        catch (JsonException)
        {
            error = "request body format is invalid";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "request body format is invalid";
                return false;
            }

            var message = request.Read(document.RootElement) ?? request.Validate();
            if (message is not null)
            {
                error = message;
                return false;
            }

            return true;
        }
    }

    private string? Read(JsonElement root)
    {
        string? error;
        if ((error = ReadString(root, "client_order_id", out var clientOrderId)) is not null
            || (error = ReadString(root, "symbol", out var symbol)) is not null
            || (error = ReadString(root, "side", out var side)) is not null
            || (error = ReadString(root, "type", out var type)) is not null
            || (error = ReadString(root, "time_in_force", out var timeInForce)) is not null
            || (error = ReadString(root, "order_class", out var orderClass)) is not null
            || (error = ReadString(root, "position_intent", out var intent)) is not null
            || (error = ReadDecimal(root, "qty", out var qty)) is not null
            || (error = ReadDecimal(root, "notional", out var notional)) is not null
            || (error = ReadDecimal(root, "limit_price", out var limitPrice)) is not null
            || (error = ReadDecimal(root, "stop_price", out var stopPrice)) is not null
            || (error = ReadDecimal(root, "trail_price", out var trailPrice)) is not null
            || (error = ReadDecimal(root, "trail_percent", out var trailPercent)) is not null)
        {
            return error;
        }

        if (root.TryGetProperty("extended_hours", out var extended) && extended.ValueKind != JsonValueKind.Null)
        {
            if (extended.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "invalid extended_hours";
            }

            ExtendedHours = extended.GetBoolean();
        }

        if (root.TryGetProperty("take_profit", out var takeProfit) && takeProfit.ValueKind != JsonValueKind.Null)
        {
            if (takeProfit.ValueKind != JsonValueKind.Object)
            {
                return "invalid take_profit";
            }

            if ((error = ReadDecimal(takeProfit, "limit_price", out var tpLimit, "take_profit.")) is not null)
            {
                return error;
            }

            TakeProfitLimit = tpLimit;
        }

        if (root.TryGetProperty("stop_loss", out var stopLoss) && stopLoss.ValueKind != JsonValueKind.Null)
        {
            if (stopLoss.ValueKind != JsonValueKind.Object)
            {
                return "invalid stop_loss";
            }

            if ((error = ReadDecimal(stopLoss, "stop_price", out var slStop, "stop_loss.")) is not null
                || (error = ReadDecimal(stopLoss, "limit_price", out var slLimit, "stop_loss.")) is not null)
            {
                return error;
            }

            StopLossStop = slStop;
            StopLossLimit = slLimit;
        }

        ClientOrderId = string.IsNullOrEmpty(clientOrderId) ? null : clientOrderId;
        Symbol = symbol ?? "";
        Side = side ?? "";
        Type = type ?? "";
        TimeInForce = timeInForce ?? "";
        OrderClass = orderClass ?? "";
        PositionIntent = intent;
        Qty = qty;
        Notional = notional;
        LimitPrice = limitPrice;
        StopPrice = stopPrice;
        TrailPrice = trailPrice;
        TrailPercent = trailPercent;
        return null;
    }

    private string? Validate()
    {
        if (ClientOrderId is { Length: > MaxClientOrderIdLength })
        {
            return "client_order_id must be no more than 128 characters";
        }

        if (Type.Length == 0)
        {
            return "type is required";
        }

        if (!s_types.Contains(Type))
        {
            return "invalid order type";
        }

        if (TimeInForce.Length == 0)
        {
            return "time_in_force is required";
        }

        if (!s_timesInForce.Contains(TimeInForce))
        {
            return "invalid time_in_force";
        }

        if (!s_classes.Contains(OrderClass))
        {
            return "invalid order_class";
        }

        if (OrderClass == "mleg")
        {
            return "mleg orders are only for options; the fake trades us_equity";
        }

        if (Symbol.Length == 0)
        {
            return "symbol is required";
        }

        if (Side.Length == 0)
        {
            return "side is required";
        }

        if (!s_sides.Contains(Side))
        {
            return "invalid side";
        }

        if (PositionIntent is not null && !s_intents.Contains(PositionIntent))
        {
            return "invalid position_intent";
        }

        return ValidateQuantity() ?? ValidatePrices() ?? ValidateClass();
    }

    private string? ValidateQuantity()
    {
        if (Qty is null && Notional is null)
        {
            return "qty or notional is required";
        }

        if (Qty is not null && Notional is not null)
        {
            return "only one of qty or notional is accepted";
        }

        if (Qty is { } qty)
        {
            if (qty <= 0)
            {
                return "qty must be > 0";
            }

            if (FakeWire.Scale(qty) > 9)
            {
                return "qty can have at most 9 decimal places";
            }

            if (decimal.Truncate(qty) != qty)
            {
                if (Type != "market" || TimeInForce != "day")
                {
                    return "fractional orders must be market orders with time_in_force day";
                }

                if (IsAdvanced)
                {
                    return "fractional orders must be simple orders";
                }
            }
        }

        if (Notional is { } notional)
        {
            if (notional <= 0)
            {
                return "notional must be > 0";
            }

            if (FakeWire.Scale(notional) > 9)
            {
                return "notional can have at most 9 decimal places";
            }

            if (Type != "market" || TimeInForce != "day")
            {
                return "notional orders must be market orders with time_in_force day";
            }

            if (IsAdvanced)
            {
                return "notional orders must be simple orders";
            }
        }

        return null;
    }

    private string? ValidatePrices()
    {
        foreach (var (name, value) in new[]
                 {
                     ("limit_price", LimitPrice), ("stop_price", StopPrice), ("trail_price", TrailPrice),
                     ("trail_percent", TrailPercent), ("take_profit.limit_price", TakeProfitLimit),
                     ("stop_loss.stop_price", StopLossStop), ("stop_loss.limit_price", StopLossLimit),
                 })
        {
            if (value is <= 0)
            {
                return $"{name} must be > 0";
            }
        }

        // An OCO's own limit price may come from take_profit.limit_price (NOTES §1.3 example).
        if (Type is "limit" or "stop_limit" && LimitPrice is null && !(OrderClass == "oco" && TakeProfitLimit is not null))
        {
            return "limit_price is required for limit and stop_limit orders";
        }

        if (Type is "stop" or "stop_limit" && StopPrice is null)
        {
            return "stop_price is required for stop and stop_limit orders";
        }

        if (Type == "trailing_stop")
        {
            if ((TrailPrice is null) == (TrailPercent is null))
            {
                return "trailing_stop orders require exactly one of trail_price or trail_percent";
            }

            if (TrailPercent is > 100)
            {
                return "trail_percent must be <= 100";
            }
        }

        if (TimeInForce is "opg" or "cls" && Type is not ("market" or "limit"))
        {
            return "opg and cls orders must be market or limit orders";
        }

        if (ExtendedHours && (Type != "limit" || TimeInForce is not ("day" or "gtc")))
        {
            return "extended hours orders must be limit orders with time_in_force day or gtc";
        }

        return null;
    }

    private string? ValidateClass()
    {
        if (!IsAdvanced)
        {
            return null;
        }

        if (TimeInForce is not ("day" or "gtc"))
        {
            return $"{OrderClass} orders must be day or gtc orders";
        }

        if (ExtendedHours)
        {
            return $"{OrderClass} orders cannot be extended hours orders";
        }

        // The exit legs sit on the far side of the entry: a buy's take-profit is above its stop-loss, a sell's below.
        // An OCO is itself the exit, so its side is the exit side.
        var exitSide = OrderClass == "oco" ? Side : Opposite(Side);
        bool ExitPricesInOrder(decimal takeProfit, decimal stop) => exitSide == "sell" ? takeProfit > stop : takeProfit < stop;

        switch (OrderClass)
        {
            case "bracket":
                if (TakeProfitLimit is null)
                {
                    return "bracket orders require take_profit.limit_price";
                }

                if (StopLossStop is null)
                {
                    return "bracket orders require stop_loss.stop_price";
                }

                if (!ExitPricesInOrder(TakeProfitLimit.Value, StopLossStop.Value))
                {
                    return Side == "buy"
                        ? "take_profit.limit_price must be greater than stop_loss.stop_price for a buy"
                        : "take_profit.limit_price must be less than stop_loss.stop_price for a sell";
                }

                return null;
            case "oco":
                if (Type != "limit")
                {
                    return "oco orders must be limit orders";
                }

                if (StopLossStop is null)
                {
                    return "oco orders require stop_loss.stop_price";
                }

                var takeProfit = TakeProfitLimit ?? LimitPrice!.Value;
                if (!ExitPricesInOrder(takeProfit, StopLossStop.Value))
                {
                    return Side == "sell"
                        ? "take_profit.limit_price must be greater than stop_loss.stop_price for a sell"
                        : "take_profit.limit_price must be less than stop_loss.stop_price for a buy";
                }

                LimitPrice = takeProfit;
                return null;
            default: // oto
                var hasTakeProfit = TakeProfitLimit is not null;
                var hasStopLoss = StopLossStop is not null;
                if (hasTakeProfit == hasStopLoss)
                {
                    return "oto orders require exactly one of take_profit.limit_price or stop_loss.stop_price";
                }

                return null;
        }
    }

    public static string Opposite(string side) => side == "buy" ? "sell" : "buy";

    private static string? ReadString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"invalid {name}";
        }

        value = element.GetString();
        return null;
    }

    private static string? ReadDecimal(JsonElement root, string name, out decimal? value, string prefix = "")
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (!FakeWire.TryReadDecimal(element, prefix + name, out var parsed, out var error))
        {
            return error;
        }

        value = parsed;
        return null;
    }
}
