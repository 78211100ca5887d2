using System.Text.Json;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// The body of <c>PATCH /v2/orders/{order_id}</c> (spec <c>PatchOrderRequest</c>): every field optional; <c>qty</c> whole
/// shares only; <c>trail</c> is the new trail_price or trail_percent of a trailing stop; <c>notional</c> is IPO-only.
/// </summary>
internal sealed class FakePatchRequest
{
    private static readonly string[] s_timesInForce = ["day", "gtc", "opg", "cls", "ioc", "fok"];

    public decimal? Qty { get; private set; }
    public string? TimeInForce { get; private set; }
    public decimal? LimitPrice { get; private set; }
    public decimal? StopPrice { get; private set; }
    public decimal? Trail { get; private set; }
    public string? ClientOrderId { get; private set; }
    public bool HasNotional { get; private set; }

    public static bool TryParse(string body, out FakePatchRequest request, out string error)
    {
        request = new FakePatchRequest();
        error = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException)
        {
            error = "request body format is invalid";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "request body format is invalid";
                return false;
            }

            var message = request.Read(root);
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
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name)
            {
                case "qty":
                    if (!FakeWire.TryReadDecimal(property.Value, "qty", out var qty, out var error))
                    {
                        return error;
                    }

                    if (qty <= 0)
                    {
                        return "qty must be > 0";
                    }

                    if (decimal.Truncate(qty) != qty)
                    {
                        return "qty must be a whole number of shares when replacing an order";
                    }

                    Qty = qty;
                    break;
                case "limit_price":
                case "stop_price":
                case "trail":
                    if (!FakeWire.TryReadDecimal(property.Value, property.Name, out var price, out error))
                    {
                        return error;
                    }

                    if (price <= 0)
                    {
                        return $"{property.Name} must be > 0";
                    }

                    if (property.Name == "limit_price")
                    {
                        LimitPrice = price;
                    }
                    else if (property.Name == "stop_price")
                    {
                        StopPrice = price;
                    }
                    else
                    {
                        Trail = price;
                    }

                    break;
                case "time_in_force":
                    if (property.Value.ValueKind != JsonValueKind.String || !s_timesInForce.Contains(property.Value.GetString()))
                    {
                        return "invalid time_in_force";
                    }

                    TimeInForce = property.Value.GetString();
                    break;
                case "client_order_id":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return "invalid client_order_id";
                    }

                    var id = property.Value.GetString();
                    if (id is { Length: > FakeOrderRequest.MaxClientOrderIdLength })
                    {
                        return "client_order_id must be no more than 128 characters";
                    }

                    ClientOrderId = string.IsNullOrEmpty(id) ? null : id;
                    break;
                case "notional":
                    HasNotional = true;
                    break;
                default:
                    break;
            }
        }

        return null;
    }
}
