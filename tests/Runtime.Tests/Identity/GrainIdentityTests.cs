namespace Meridian.Runtime.Tests.Identity;

public sealed class GrainIdentityTests
{
    [Fact]
    public void A_string_key_and_an_integer_key_with_the_same_digits_are_different()
    {
        Assert.NotEqual(GrainKey.FromString("20235"), GrainKey.FromInteger(20235));
        Assert.NotEqual(GrainKey.FromString("020235"), GrainKey.FromString("20235"));
    }

    [Theory]
    [InlineData("s:020235")]
    [InlineData("s:")]
    [InlineData("s:with:colons/and+plus")]
    [InlineData("i:-9223372036854775808")]
    [InlineData("g:5f0e2c1a8a3b4c6d9e7f0a1b2c3d4e5f")]
    [InlineData("gx:5f0e2c1a8a3b4c6d9e7f0a1b2c3d4e5f+usd")]
    [InlineData("ix:42+eur+more")]
    public void Every_key_kind_parses_back_to_itself(string text) =>
        Assert.Equal(text, GrainKey.Parse(text).ToString());

    [Fact]
    public void A_grain_id_parses_back_to_the_same_id()
    {
        var id = new GrainId("portfolio", GrainKey.FromIntegerCompound(7, "main"));

        Assert.Equal(id, GrainId.Parse(id.ToString()));
        Assert.Equal("portfolio/ix:7+main", id.ToString());
    }

    [Theory]
    [InlineData("020235", "grain key '020235' has no kind prefix")]
    [InlineData("x:1", "unknown kind prefix 'x'")]
    [InlineData("i:12a", "'12a' is not a 64-bit integer")]
    [InlineData("g:not-a-guid", "'not-a-guid' is not a Guid")]
    [InlineData("ix:12", "has no '+' before its extension")]
    public void A_malformed_key_is_a_format_error_that_says_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => GrainKey.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grain_id_without_a_type_is_a_format_error() =>
        Assert.Contains("must look like 'type/key'", Assert.Throws<FormatException>(() => GrainId.Parse("s:abc")).Message, StringComparison.Ordinal);

    [Fact]
    public void Asking_a_key_for_a_value_of_another_kind_is_an_error() =>
        Assert.Throws<InvalidOperationException>(() => GrainKey.FromString("abc").IntegerValue);
}
