using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.Tests.MarketData.Quality;

public sealed class QualityRulesTests
{
    [Fact]
    public void Gate_refuses_rules_with_a_limit_of_zero()
    {
        var error = Assert.Throws<InvalidInputException>(() => new QualityGate(new QualityRules { MaxAbsoluteReturn = 0m }));

        Assert.Equal("quality rules is invalid: max_abs_return: 0 must be greater than zero", error.Message);
    }

    [Fact]
    public void Default_rules_are_valid() => Assert.Empty(QualityRules.Default.Validate());
}
