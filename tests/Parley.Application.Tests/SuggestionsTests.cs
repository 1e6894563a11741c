namespace Parley.Application.Tests;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("forcast", "forecast")]
    [InlineData("--modle", "--model")]
    [InlineData("utilty", "utility")]
    [InlineData("FORECAST", "forecast")]
    [InlineData("zzzzzz", null)]
    public void Closest_FindsTheNameATypoMeant(string typed, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, ["forecast", "whatif", "--model", "--models", "utility", "--rounds"]));
    }
}
