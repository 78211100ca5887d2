using Meridian.Grains.MarketData.Calendar;

namespace Meridian.Grains.Tests.MarketData.Calendar;

/// <summary>The holiday rules against the NYSE's published lists, and the edge years of the observed-day rules.</summary>
public sealed class UsEquityCalendarTests
{
    [Fact]
    public void Holidays_of_2024_are_the_ten_NYSE_closures() =>
        Assert.Equal(
            [D("2024-01-01"), D("2024-01-15"), D("2024-02-19"), D("2024-03-29"), D("2024-05-27"),
             D("2024-06-19"), D("2024-07-04"), D("2024-09-02"), D("2024-11-28"), D("2024-12-25")],
            UsEquityCalendar.Holidays(2024).Select(h => h.Date));

    [Fact]
    public void Holidays_of_2025_are_the_ten_NYSE_closures() =>
        Assert.Equal(
            [D("2025-01-01"), D("2025-01-20"), D("2025-02-17"), D("2025-04-18"), D("2025-05-26"),
             D("2025-06-19"), D("2025-07-04"), D("2025-09-01"), D("2025-11-27"), D("2025-12-25")],
            UsEquityCalendar.Holidays(2025).Select(h => h.Date));

    [Fact]
    public void Every_weekday_of_2024_but_the_holidays_is_a_trading_day_and_no_weekend_day_is() =>
        // 2024 has 366 days, 52 weeks and 2 days (Monday 1 Jan, Tuesday 31 Dec): 262 weekdays, less 10 holidays
        Assert.Equal(252, UsEquityCalendar.TradingDays(D("2024-01-01"), D("2024-12-31")).Count);

    [Fact]
    public void New_Year_s_Day_on_a_Saturday_closes_no_Friday() =>
        // 1 January 2022 was a Saturday; the NYSE traded on Friday 31 December 2021
        Assert.True(UsEquityCalendar.IsTradingDay(D("2021-12-31")));

    [Fact]
    public void New_Year_s_Day_on_a_Sunday_is_observed_on_the_Monday()
    {
        Assert.False(UsEquityCalendar.IsTradingDay(D("2023-01-02")));
        Assert.Equal("New Year's Day", UsEquityCalendar.HolidayOn(D("2023-01-02"))?.Name);
    }

    [Fact]
    public void Juneteenth_on_a_Sunday_is_observed_on_the_Monday() =>
        Assert.Equal("Juneteenth National Independence Day", UsEquityCalendar.HolidayOn(D("2022-06-20"))?.Name);

    [Fact]
    public void Juneteenth_before_2022_was_a_trading_day() =>
        // Saturday 19 June 2021 would have been observed on Friday 18 June
        Assert.True(UsEquityCalendar.IsTradingDay(D("2021-06-18")));

    [Fact]
    public void Juneteenth_on_a_Saturday_is_observed_on_the_Friday() =>
        Assert.False(UsEquityCalendar.IsTradingDay(D("2027-06-18")));

    [Fact]
    public void Independence_Day_on_a_Saturday_is_observed_on_the_Friday() =>
        Assert.Equal("Independence Day", UsEquityCalendar.HolidayOn(D("2020-07-03"))?.Name);

    [Fact]
    public void Independence_Day_on_a_Sunday_is_observed_on_the_Monday() =>
        Assert.Equal("Independence Day", UsEquityCalendar.HolidayOn(D("2021-07-05"))?.Name);

    [Fact]
    public void Christmas_on_a_Saturday_is_observed_on_the_Friday_and_on_a_Sunday_on_the_Monday()
    {
        Assert.False(UsEquityCalendar.IsTradingDay(D("2021-12-24")));
        Assert.False(UsEquityCalendar.IsTradingDay(D("2022-12-26")));
    }

    [Fact]
    public void Martin_Luther_King_Jr_Day_closes_the_exchange_from_1998()
    {
        Assert.True(UsEquityCalendar.IsTradingDay(D("1997-01-20")));
        Assert.False(UsEquityCalendar.IsTradingDay(D("1998-01-19")));
    }

    [Theory]
    [InlineData("2000-04-21")] // Easter 23 April
    [InlineData("2008-03-21")] // Easter 23 March, nearly the earliest
    [InlineData("2011-04-22")] // Easter 24 April
    [InlineData("2019-04-19")] // Easter 21 April
    [InlineData("2038-04-23")] // Easter 25 April, the latest possible
    public void Good_Friday_is_two_days_before_Gregorian_Easter(string date) =>
        Assert.Equal("Good Friday", UsEquityCalendar.HolidayOn(D(date))?.Name);

    [Fact]
    public void One_off_closures_such_as_a_national_day_of_mourning_are_not_modelled() =>
        // The NYSE closed on 9 January 2025 for President Carter; no rule predicts it (documented on the calendar)
        Assert.True(UsEquityCalendar.IsTradingDay(D("2025-01-09")));

    [Fact]
    public void Trading_days_between_two_dates_include_both_ends_and_skip_weekends_and_holidays() =>
        // Thursday 28 March 2024 to Tuesday 2 April: Good Friday, Saturday and Sunday are skipped
        Assert.Equal([D("2024-03-28"), D("2024-04-01"), D("2024-04-02")], UsEquityCalendar.TradingDays(D("2024-03-28"), D("2024-04-02")));

    [Fact]
    public void Next_trading_day_after_the_Wednesday_before_Thanksgiving_is_the_Friday() =>
        Assert.Equal(D("2024-11-29"), UsEquityCalendar.NextTradingDay(D("2024-11-27")));

    [Fact]
    public void Previous_trading_day_before_the_Monday_after_Easter_is_the_Thursday() =>
        Assert.Equal(D("2025-04-17"), UsEquityCalendar.PreviousTradingDay(D("2025-04-21")));

    [Fact]
    public void Next_trading_day_of_a_Friday_before_a_holiday_Monday_is_the_Tuesday() =>
        // Friday 13 January 2023; Monday 16 January is Martin Luther King Jr. Day
        Assert.Equal(D("2023-01-17"), UsEquityCalendar.NextTradingDay(D("2023-01-13")));

    [Fact]
    public void Session_opens_at_14_30_UTC_in_winter_and_13_30_UTC_in_summer()
    {
        // Daylight time 2024 began on Sunday 10 March
        Assert.Equal(T("2024-03-08T14:30:00Z"), UsEquityCalendar.SessionOpen(D("2024-03-08")));
        Assert.Equal(T("2024-03-11T13:30:00Z"), UsEquityCalendar.SessionOpen(D("2024-03-11")));
    }

    [Fact]
    public void Session_closes_at_20_00_UTC_in_summer_and_21_00_UTC_in_winter()
    {
        // Daylight time 2024 ended on Sunday 3 November
        Assert.Equal(T("2024-11-01T20:00:00Z"), UsEquityCalendar.SessionClose(D("2024-11-01")));
        Assert.Equal(T("2024-11-04T21:00:00Z"), UsEquityCalendar.SessionClose(D("2024-11-04")));
    }

    [Fact]
    public void Before_2007_daylight_time_began_in_April_and_ended_in_October()
    {
        // 2006: first Sunday of April was 2 April, last Sunday of October 29 October
        Assert.Equal(T("2006-03-31T14:30:00Z"), UsEquityCalendar.SessionOpen(D("2006-03-31")));
        Assert.Equal(T("2006-04-03T13:30:00Z"), UsEquityCalendar.SessionOpen(D("2006-04-03")));
        Assert.Equal(T("2006-10-27T13:30:00Z"), UsEquityCalendar.SessionOpen(D("2006-10-27")));
        Assert.Equal(T("2006-10-30T14:30:00Z"), UsEquityCalendar.SessionOpen(D("2006-10-30")));
    }

    [Fact]
    public void From_1967_to_1986_daylight_time_began_on_the_last_Sunday_of_April_except_in_1974_and_1975()
    {
        // Last Sunday of April 1980: 27 April. 1974 began on Sunday 6 January (energy crisis)
        Assert.Equal(T("1980-04-25T14:30:00Z"), NewYorkTime.ToUtc(D("1980-04-25"), new TimeOnly(9, 30)));
        Assert.Equal(T("1980-04-28T13:30:00Z"), NewYorkTime.ToUtc(D("1980-04-28"), new TimeOnly(9, 30)));
        Assert.Equal(T("1974-01-07T13:30:00Z"), NewYorkTime.ToUtc(D("1974-01-07"), new TimeOnly(9, 30)));
    }

    [Fact]
    public void Daily_bar_of_a_date_opens_at_New_York_midnight_in_UTC()
    {
        Assert.Equal(T("2024-01-03T05:00:00Z"), UsEquityCalendar.DailyBarTime(D("2024-01-03")));
        Assert.Equal(T("2024-07-03T04:00:00Z"), UsEquityCalendar.DailyBarTime(D("2024-07-03")));
    }

    [Fact]
    public void New_York_date_of_an_instant_follows_the_local_clock()
    {
        // 03:59Z on 4 July 2024 is 23:59 EDT on 3 July; 04:59Z on 3 January is 23:59 EST on 2 January
        Assert.Equal(D("2024-07-03"), NewYorkTime.DateOf(T("2024-07-04T03:59:00Z")));
        Assert.Equal(D("2024-07-04"), NewYorkTime.DateOf(T("2024-07-04T04:00:00Z")));
        Assert.Equal(D("2024-01-02"), NewYorkTime.DateOf(T("2024-01-03T04:59:00Z")));
    }

    [Fact]
    public void Clock_changes_at_two_in_the_morning_local_time()
    {
        // 10 March 2024: 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT. 3 November 2024: 05:59Z is 01:59 EDT, 06:00Z is 01:00 EST
        Assert.Equal(new DateTime(2024, 3, 10, 1, 59, 0), NewYorkTime.ToLocal(T("2024-03-10T06:59:00Z")));
        Assert.Equal(new DateTime(2024, 3, 10, 3, 0, 0), NewYorkTime.ToLocal(T("2024-03-10T07:00:00Z")));
        Assert.Equal(new DateTime(2024, 11, 3, 1, 59, 0), NewYorkTime.ToLocal(T("2024-11-03T05:59:00Z")));
        Assert.Equal(new DateTime(2024, 11, 3, 1, 0, 0), NewYorkTime.ToLocal(T("2024-11-03T06:00:00Z")));
    }

    [Fact]
    public void A_holiday_has_no_session_and_asking_for_one_says_why()
    {
        var error = Assert.Throws<ArgumentException>(() => UsEquityCalendar.SessionOpen(D("2024-11-28")));

        Assert.StartsWith("2024-11-28 is not a trading day (Thanksgiving Day): it has no session", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_before_1990_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UsEquityCalendar.IsTradingDay(D("1989-12-29")));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
