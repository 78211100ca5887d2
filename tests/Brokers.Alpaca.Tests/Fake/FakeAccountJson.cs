using System.Globalization;
using System.Text.Json;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>A position inside the fake: signed quantity (negative when short) and average entry price.</summary>
internal sealed class FakePosition
{
    public required string Symbol { get; init; }
    public required string AssetId { get; init; }
    public decimal Qty { get; set; }
    public decimal AvgEntryPrice { get; set; }
}

/// <summary>The spec's <c>Account</c>, <c>Position</c> and legacy <c>Clock</c> objects; numbers as strings.</summary>
internal static class FakeAccountJson
{
    public static void WriteAccount(Utf8JsonWriter w, string accountId, long createdAt, decimal cash, decimal buyingPower,
        decimal longMarketValue, decimal shortMarketValue)
    {
        var equity = cash + longMarketValue + shortMarketValue;
        w.WriteStartObject();
        w.WriteString("id", accountId);
        w.WriteString("account_number", "PA3FAKE00001");
        w.WriteString("status", "ACTIVE");
        w.WriteString("crypto_status", "ACTIVE");
        w.WriteString("currency", "USD");
        w.WriteString("cash", FakeWire.Dec(cash));
        w.WriteString("buying_power", FakeWire.Dec(buyingPower));
        w.WriteString("regt_buying_power", FakeWire.Dec(buyingPower));
        w.WriteString("daytrading_buying_power", "0");
        w.WriteString("non_marginable_buying_power", FakeWire.Dec(Math.Max(cash, 0)));
        w.WriteString("options_buying_power", FakeWire.Dec(Math.Max(cash, 0)));
        w.WriteString("equity", FakeWire.Dec(equity));
        w.WriteString("last_equity", FakeWire.Dec(equity));
        w.WriteString("portfolio_value", FakeWire.Dec(equity));
        w.WriteString("long_market_value", FakeWire.Dec(longMarketValue));
        w.WriteString("short_market_value", FakeWire.Dec(shortMarketValue));
        w.WriteString("initial_margin", "0");
        w.WriteString("maintenance_margin", "0");
        w.WriteString("last_maintenance_margin", "0");
        w.WriteString("sma", "0");
        w.WriteString("multiplier", "1");
        w.WriteBoolean("pattern_day_trader", false);
        w.WriteNumber("daytrade_count", 0);
        w.WriteBoolean("trading_blocked", false);
        w.WriteBoolean("transfers_blocked", false);
        w.WriteBoolean("account_blocked", false);
        w.WriteBoolean("trade_suspended_by_user", false);
        w.WriteBoolean("shorting_enabled", true);
        w.WriteNumber("options_approved_level", 0);
        w.WriteNumber("options_trading_level", 0);
        w.WriteString("accrued_fees", "0");
        w.WriteString("pending_transfer_in", "0");
        w.WriteString("pending_transfer_out", "0");
        w.WriteString("pending_reg_taf_fees", "0");
        w.WriteString("intraday_adjustments", "0");
        w.WriteString("balance_asof", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        FakeWire.WriteTime(w, "created_at", createdAt);
        w.WriteEndObject();
    }

    public static void WritePosition(Utf8JsonWriter w, FakePosition position, decimal currentPrice)
    {
        var qty = position.Qty;
        var marketValue = qty * currentPrice;
        var costBasis = qty * position.AvgEntryPrice;
        var unrealized = marketValue - costBasis;
        var unrealizedPercent = costBasis == 0 ? 0 : Math.Round(unrealized / Math.Abs(costBasis), 16);
        w.WriteStartObject();
        w.WriteString("asset_id", position.AssetId);
        w.WriteString("symbol", position.Symbol);
        w.WriteString("exchange", "NASDAQ");
        w.WriteString("asset_class", "us_equity");
        w.WriteBoolean("asset_marginable", true);
        w.WriteString("qty", FakeWire.Dec(qty));
        w.WriteString("qty_available", FakeWire.Dec(qty));
        w.WriteString("avg_entry_price", FakeWire.Dec(position.AvgEntryPrice));
        w.WriteString("side", qty < 0 ? "short" : "long");
        w.WriteString("market_value", FakeWire.Dec(marketValue));
        w.WriteString("cost_basis", FakeWire.Dec(costBasis));
        w.WriteString("unrealized_pl", FakeWire.Dec(unrealized));
        w.WriteString("unrealized_plpc", FakeWire.Dec(unrealizedPercent));
        w.WriteString("unrealized_intraday_pl", FakeWire.Dec(unrealized));
        w.WriteString("unrealized_intraday_plpc", FakeWire.Dec(unrealizedPercent));
        w.WriteString("current_price", FakeWire.Dec(currentPrice));
        w.WriteString("lastday_price", FakeWire.Dec(currentPrice));
        w.WriteString("change_today", "0");
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>{timestamp,is_open,next_open,next_close}</c> in US Eastern time with its offset (-05:00 or -04:00). Regular
    /// hours 9:30-16:00 ET on weekdays (holidays ignored); <paramref name="openOverride"/> forces <c>is_open</c>.
    /// </summary>
    public static byte[] Clock(bool? openOverride)
    {
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var nowNanos = FakeTime.NowNanos();
        var nowUtc = DateTime.UnixEpoch.AddTicks(nowNanos / 100);
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, eastern);
        var today = local.Date;
        var isWeekday = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var openToday = today.AddHours(9.5);
        var closeToday = today.AddHours(16);
        var isOpen = openOverride ?? (isWeekday && local >= openToday && local < closeToday);
        var nextOpen = isWeekday && local < openToday ? openToday : NextWeekday(today).AddHours(9.5);
        var nextClose = isWeekday && local < closeToday ? closeToday : NextWeekday(today).AddHours(16);

        string WithOffset(DateTime easternTime, string fraction) =>
            easternTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction
            + new DateTimeOffset(easternTime, eastern.GetUtcOffset(easternTime)).ToString("zzz", CultureInfo.InvariantCulture);

        var nowText = WithOffset(new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified),
            "." + FakeTime.SubSecondNanos(nowNanos).ToString("D9", CultureInfo.InvariantCulture));
        return FakeWire.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("timestamp", nowText);
            w.WriteBoolean("is_open", isOpen);
            w.WriteString("next_open", WithOffset(nextOpen, ""));
            w.WriteString("next_close", WithOffset(nextClose, ""));
            w.WriteEndObject();
        });
    }

    private static DateTime NextWeekday(DateTime date)
    {
        var next = date.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
