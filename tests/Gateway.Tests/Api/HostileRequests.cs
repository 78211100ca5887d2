using System.Text;

namespace Meridian.Gateway.Tests.Api;

/// <summary>One request of the fuzz test: what it sends and which kind of mistake it makes (for failure messages).</summary>
internal sealed record HostileRequest(string Kind, HttpMethod Method, string Path, string? Body, string? ContentType)
{
    public override string ToString() => $"{Kind}: {Method} {Path} {(Body is null ? "" : Body.Length > 200 ? Body[..200] + "..." : Body)}";
}

/// <summary>
/// Makes malformed and hostile requests from a seed: bodies that are not JSON, fields of the wrong type, huge, negative
/// and over-precise numbers, unknown enum values, bodies over the size limit, injection strings in every string field,
/// wrong content types, and bad query strings. Every one of them is wrong in a way the API must refuse with a 4xx.
/// </summary>
internal sealed class HostileRequests(int seed)
{
    private static readonly string[] s_injections =
    [
        "'; DROP TABLE order_index; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>", "../../../../etc/passwd", "${jndi:ldap://x/a}",
        "{{7*7}}", "%00", "\u0000", "\u202Eevil", "A\r\nSet-Cookie: x=y", "😀😀😀", "$(rm -rf /)", "`id`", "\\u0022", new string('A', 5000),
        "NaN", "Infinity", "-0", "null", "[]", "{}",
    ];

    /// <summary>The injections that are not valid client order ids ("NaN" is a fine id): a replace with one must be refused.</summary>
    private static readonly string[] s_badIds = [.. s_injections.Where(s => s.Length > 128 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/'))];

    private static readonly string[] s_wrongValues =
    [
        "{}", "[]", "[1,2]", "true", "false", "null", "{\"a\":{\"b\":{}}}", "1e400", "-1e400", "79228162514264337593543950336", "\"1e5\"",
        "\"0x10\"", "\"12,5\"", "\"  5\"", "\"\"", "-5", "0", "\"-0.000000001\"", "1.0000000001", "\"99999999999999999999\"", "1e-30",
    ];

    /// <summary>Null is a fine value for an optional limit (no limit), so it is no mistake there.</summary>
    private static readonly string[] s_wrongNonNullValues = [.. s_wrongValues.Where(v => v != "null")];

    private static readonly string[] s_orderFields =
        ["client_order_id", "portfolio_id", "symbol", "side", "qty", "type", "time_in_force", "limit_price", "stop_price", "trail_price", "trail_percent", "order_class"];

    private static readonly string[] s_stringFields = ["client_order_id", "portfolio_id", "symbol", "side", "type", "time_in_force", "order_class"];

    private readonly Random _random = new(seed);

    public IEnumerable<HostileRequest> Take(int count)
    {
        for (var i = 0; i < count; i++)
            yield return Next();
    }

    private HostileRequest Next() => _random.Next(12) switch
    {
        0 => new("not json", HttpMethod.Post, "/v1/orders", NotJson(), "application/json"),
        1 => new("wrong type", HttpMethod.Post, "/v1/orders", OrderWith(Pick(s_orderFields), Pick(s_wrongValues)), "application/json"),
        2 => new("injection", HttpMethod.Post, "/v1/orders", OrderWith(Pick(s_stringFields), Quote(Pick(s_injections))), "application/json"),
        3 => new("unknown enum", HttpMethod.Post, "/v1/orders", OrderWith(Pick(["side", "type", "time_in_force", "order_class"]), Quote(Pick(["BUY", "Sell", "short", "moc", "gtd", "iceberg", "1", ""]))), "application/json"),
        4 => new("oversized", HttpMethod.Post, "/v1/orders", OrderWith("symbol", Quote(new string('X', 70_000 + _random.Next(200_000)))), "application/json"),
        5 => new("wrong content type", HttpMethod.Post, "/v1/orders", ValidOrderText(), Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"])),
        6 => new("bad replace", HttpMethod.Patch, "/v1/orders/open-1", Pick(["{}", "{\"qty\":\"-1\"}", "{\"limit_price\":{}}", "{\"time_in_force\":\"forever\"}", "{\"client_order_id\":" + Quote(Pick(s_badIds)) + ",\"qty\":\"1\"}", NotJson()]), "application/json"),
        7 => new("bad risk limits", HttpMethod.Put, "/v1/portfolios/p1/risk_limits", Pick(["{\"max_order_quantity\":\"-1\"}", "{\"max_concentration\":\"2\"}", "{\"margin_multiplier\":\"9\"}", "{\"max_open_orders\":\"x\"}", "{\"allow_short_selling\":\"yes\"}", "{\"max_drawdown\":" + Pick(s_wrongNonNullValues) + "}", NotJson()]), "application/json"),
        8 => new("bad kill switch", HttpMethod.Put, "/v1/portfolios/p1/trading_state", Pick(["{\"state\":\"off\",\"reason\":\"x\"}", "{\"state\":\"halted\"}", "{\"state\":" + Pick(s_wrongValues) + ",\"reason\":\"r\"}", "{\"state\":\"halted\",\"reason\":" + Quote(new string('r', 600)) + "}", NotJson()]), "application/json"),
        9 => new("bad portfolio", HttpMethod.Post, "/v1/portfolios", Pick(["{\"id\":\"p1\",\"starting_cash\":\"5\"}", "{\"id\":" + Quote(Pick(s_injections)) + "}", "{\"starting_cash\":" + Pick(s_wrongValues) + "}", "{\"id\":\"q\",\"starting_cash\":\"-1\"}", NotJson()]), "application/json"),
        10 => new("bad query", HttpMethod.Get, "/v1/orders?" + Pick(["status=", "status=x", "limit=-1", "limit=1e9", "limit=abc", "after=yesterday", "until=2026-13-45", "page_token=" + Uri.EscapeDataString(Pick(s_injections)), "direction=sideways", "side=short", "symbols=" + Uri.EscapeDataString(Pick(s_injections))]), null, null),
        _ => new("bad path", Pick([HttpMethod.Get, HttpMethod.Delete]), Pick(["/v1/orders/" + Segment(), "/v1/prices/" + Segment(), "/v1/portfolios/" + Segment() + "/positions", "/v1/models/" + Segment(), "/v1/runtime/grains/x/" + Segment()]), null, null),
    };

    /// <summary>A valid order's JSON with one field replaced by <paramref name="value"/> (raw JSON).</summary>
    private string OrderWith(string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["client_order_id"] = "\"fuzz-" + _random.Next(1_000_000) + "\"",
            ["portfolio_id"] = "\"p1\"",
            ["symbol"] = "\"AAPL\"",
            ["side"] = "\"buy\"",
            ["qty"] = "\"1\"",
            ["type"] = "\"limit\"",
            ["limit_price"] = "\"10\"",
        };
        fields[field] = value;
        // An order the API accepted would change state: a zero quantity keeps a value that is fine on its own (an id
        // such as "NaN") from making the whole order valid, unless qty is the field under test (every value is bad there).
        if (field != "qty")
            fields["qty"] = "\"0\"";
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    private string ValidOrderText() => $"{{\"client_order_id\":\"ct-{_random.Next(1_000_000)}\",\"portfolio_id\":\"p1\",\"symbol\":\"AAPL\",\"side\":\"buy\",\"qty\":\"1\",\"type\":\"limit\",\"limit_price\":\"10\"}}";

    private string NotJson() => Pick([
        "", "{", "}", "{\"qty\":", "{\"qty\" \"1\"}", "{'qty':'1'}", "{\"qty\":\"1\",}", "[", "nul", "{\"a\":1}{\"b\":2}", "\u0000\u0001\u0002",
        new string('[', 200) + new string(']', 200), "{\"qty\":\"1\" /* comment */}", Encoding.UTF8.GetString([0xC3, 0x28]), "{\"qty\":01}",
    ]);

    /// <summary>
    /// An injection string as a path segment. Not one with a NUL: Kestrel refuses a decoded NUL in a path while parsing
    /// the request line, with an empty 400, before any middleware runs (docs/gateway.md, limits).
    /// </summary>
    private string Segment() => Uri.EscapeDataString(Pick(s_injections).Replace("\u0000", "", StringComparison.Ordinal).Replace("%00", "", StringComparison.Ordinal)) is { Length: > 0 } s ? s : "x";

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
