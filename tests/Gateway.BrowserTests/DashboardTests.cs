using Meridian.Gateway.Auth;
using Meridian.Gateway.Tests;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Gateway.BrowserTests;

/// <summary>The dashboard in a real browser against the real platform: every value it shows comes from /v1/events.</summary>
public sealed class DashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_page_loads_without_errors_and_shows_live_values_for_a_key()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-live", cash: 250_000m);
        await using var session = await DashboardSession.OpenAsync(browser, platform, platform.AdminToken);

        await Expect(session.ById("connection-status")).ToHaveTextAsync("live");
        await Expect(session.ById("caller")).ToContainTextAsync("admin");
        await Expect(session.ById("portfolio-select")).ToHaveValueAsync("p-live");
        await Expect(session.ById("equity")).ToHaveTextAsync("250,000.00");
        await Expect(session.ById("cash")).ToHaveTextAsync("250,000.00");
        await Expect(session.ById("trading-state")).ToHaveTextAsync("ACTIVE");
        await Expect(session.Page.Locator("[data-testid=grain-type-row][data-grain-type=portfolio] [data-testid=grain-activations]")).Not.ToHaveTextAsync("0");

        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Without_a_key_the_page_asks_for_one_and_connects_once_it_is_accepted()
    {
        await using var platform = await Platform.StartAsync();
        // The one expected error: the stream's 401 that makes the page ask for a key.
        await using var session = await DashboardSession.OpenAsync(browser, platform, token: null,
            expected: problem => problem.Contains("/v1/events", StringComparison.Ordinal) && problem.Contains("401", StringComparison.Ordinal));

        await Expect(session.ById("login-form")).ToBeVisibleAsync();
        await session.ById("login-key").FillAsync(platform.AdminToken);
        await session.ById("login-submit").ClickAsync();

        await Expect(session.ById("connection-status")).ToHaveTextAsync("live");
        await Expect(session.ById("caller")).ToContainTextAsync("admin");
        await Expect(session.ById("login-form")).ToBeHiddenAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task A_filled_order_turns_its_blotter_row_to_filled_and_moves_position_and_equity_without_a_reload()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-fill");
        var start = platform.Now;
        await platform.PublishBarAsync("AAPL", 100m, start);
        await using var session = await DashboardSession.OpenAsync(browser, platform, platform.AdminToken);
        await Expect(session.ById("equity")).ToHaveTextAsync("100,000.00");

        await platform.Grains.GetGrain<IPortfolioGrain>("p-fill").SubmitOrderAsync(new OrderRequest(
            "o-fill-1", "p-fill", Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(10m), OrderType.Limit, TimeInForce.Gtc, LimitPrice: Price.Of(101m)));
        var row = session.Page.Locator("[data-testid=order-row][data-order-id=o-fill-1]");
        await Expect(row.GetByTestId("order-symbol")).ToHaveTextAsync("AAPL");
        await Expect(row.GetByTestId("order-limit-price")).ToHaveTextAsync("101.00");

        // The next bar opens at 100, under the limit: filled at 100.
        await platform.PublishBarAsync("AAPL", 100m, start.AddMinutes(1));
        await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("filled");
        await Expect(row.GetByTestId("order-filled-qty")).ToHaveTextAsync("10");
        var position = session.Page.Locator("[data-testid=position-row][data-symbol=AAPL]");
        await Expect(position.GetByTestId("position-qty")).ToHaveTextAsync("10");
        await Expect(position.GetByTestId("position-avg-price")).ToHaveTextAsync("100.00");
        await Expect(session.ById("cash")).ToHaveTextAsync("99,000.00");

        // Marked at 110: 99,000 cash + 10 x 110 = 100,100 equity, 100 unrealized.
        await platform.PublishBarAsync("AAPL", 110m, start.AddMinutes(2));
        await Expect(session.ById("equity")).ToHaveTextAsync("100,100.00");
        await Expect(position.GetByTestId("position-unrealized-pnl")).ToHaveTextAsync("100.00");
        await Expect(session.ById("gross-exposure")).ToHaveTextAsync("1,100.00");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task An_admin_halts_a_portfolio_with_the_kill_switch_after_confirming()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-kill");
        await using var session = await DashboardSession.OpenAsync(browser, platform, platform.AdminToken);
        await Expect(session.ById("trading-state")).ToHaveTextAsync("ACTIVE");

        await session.ById("kill-halt").ClickAsync();
        await Expect(session.ById("kill-confirm")).ToBeVisibleAsync();
        await Expect(session.ById("kill-question")).ToContainTextAsync("p-kill");
        await session.ById("kill-reason").FillAsync("browser test");
        await session.ById("kill-confirm-button").ClickAsync();

        await Expect(session.ById("trading-state")).ToHaveTextAsync("HALTED");
        await Expect(session.ById("trading-reason")).ToContainTextAsync("browser test");
        var account = await platform.Grains.GetGrain<IPortfolioGrain>("p-kill").GetAsync();
        Assert.Equal(TradingState.Halted, account.TradingState);
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task A_viewer_key_sees_the_portfolio_but_not_the_kill_switch()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-view");
        var viewer = await platform.CreateKeyAsync(ApiRole.Viewer, "viewer");
        await using var session = await DashboardSession.OpenAsync(browser, platform, viewer);

        await Expect(session.ById("caller")).ToContainTextAsync("viewer");
        await Expect(session.ById("equity")).ToHaveTextAsync("100,000.00");
        await Expect(session.ById("kill-switch")).ToBeHiddenAsync();
        await Expect(session.ById("kill-halt")).ToBeHiddenAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Clicking_a_grain_type_lists_its_grains_and_a_grain_shows_its_state()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-state");
        await using var session = await DashboardSession.OpenAsync(browser, platform, platform.AdminToken);

        await session.Page.Locator("[data-testid=grain-type-row][data-grain-type=portfolio] [data-testid=grain-type]").ClickAsync();
        var item = session.ById("grain-list").GetByTestId("grain-item").Filter(new LocatorFilterOptions { HasText = "p-state" });
        await item.ClickAsync();

        await Expect(session.ById("grain-state")).ToBeVisibleAsync();
        await Expect(session.ById("grain-state")).ToContainTextAsync("p-state");
        await Expect(session.ById("grain-state")).ToContainTextAsync("\"states\"");
        Assert.Empty(session.Problems);
    }
}
