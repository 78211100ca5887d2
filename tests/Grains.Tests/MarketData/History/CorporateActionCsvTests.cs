using System.Text;
using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.MarketData.History.TestSeries;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class CorporateActionCsvTests
{
    private static (IReadOnlyList<CorporateAction> Actions, string[] Errors) Parse(string text)
    {
        var (actions, errors) = CorporateActionCsv.Parse("actions.csv", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return (actions, errors.Kept.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Splits_and_dividends_are_read_in_file_order()
    {
        var (actions, errors) = Parse("date,symbol,type,value\n2024-03-06,XYZ,split,2\n\n2024-03-08,xyz,Dividend,0.50\n2024-04-01,XYZ,split,0.1\n");

        Assert.Empty(errors);
        Assert.Equal([Split("2024-03-06", 2m), Dividend("2024-03-08", 0.50m), Split("2024-04-01", 0.1m)], actions);
    }

    [Fact]
    public void Every_bad_field_is_an_error_naming_line_column_and_header()
    {
        var (_, errors) = Parse("date,symbol,type,value\n2024-13-01,XYZ,merger,-2\n");

        Assert.Equal(
        [
            "actions.csv line 2, column 1 (date): '2024-13-01' is not a date; expected yyyy-MM-dd",
            "actions.csv line 2, column 3 (type): 'merger' is not an action; expected split or dividend",
            "actions.csv line 2, column 4 (value): -2 must be greater than zero (cash per share)",
        ], errors);
    }

    [Fact]
    public void A_second_action_of_the_same_kind_on_the_same_day_names_the_first()
    {
        var (_, errors) = Parse("date,symbol,type,value\n2024-03-06,XYZ,split,2\n2024-03-06,XYZ,split,3\n");

        Assert.Equal(["actions.csv line 3: XYZ has a second split on 2024-03-06 (the first is on line 2)"], errors);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var (_, errors) = Parse("2024-03-06,XYZ,split,2\n");

        Assert.Equal(["actions.csv line 1: expected the header 'date,symbol,type,value'"], errors);
    }

    [Fact]
    public void Formatted_actions_read_back_the_same()
    {
        CorporateAction[] actions = [Split("2024-03-06", 0.3333333333333333333333333333m), Dividend("2024-03-08", 0.0575m)];

        var (read, errors) = Parse(CorporateActionCsv.Format(actions));

        Assert.Empty(errors);
        Assert.Equal(actions, read);
    }
}
