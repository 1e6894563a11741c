namespace Parley.Storage.Tests;

public sealed class ResultDiffTests
{
    private const string Before = """
        {"scenario": "s", "forecasts": [
          {"model": "smp", "issues": [{"id": "a", "forecast": 40.5}, {"id": "b", "forecast": 10}]},
          {"model": "median", "issues": [{"id": "a", "forecast": 50}]}]}
        """;

    [Fact]
    public void Between_SameDocument_IsEmpty()
    {
        Assert.Empty(ResultDiff.Between(Before, Before));
    }

    [Fact]
    public void Between_ChangedValues_AreNamedByModelAndIssueWithTheirDelta()
    {
        var after = Before.Replace("40.5", "42", StringComparison.Ordinal).Replace("\"forecast\": 50}", "\"forecast\": 50, \"note\": \"x\"}", StringComparison.Ordinal);

        var changes = ResultDiff.Between(Before, after);

        Assert.Equal(
            [new ResultChange("forecasts[smp].issues[a].forecast", "40.5", "42"), new ResultChange("forecasts[median].issues[a].note", null, "\"x\"")],
            changes.AsEnumerable());
        Assert.Equal(1.5, changes[0].Delta);
        Assert.Equal("forecasts[smp].issues[a].forecast: 40.5 -> 42 (+1.5)", changes[0].ToString());
        Assert.Null(changes[1].Delta);
    }

    [Fact]
    public void Between_ItemsWithTheSameName_AreKeptApartByIndex()
    {
        var before = """{"rounds": [{"id": "r", "x": 1}, {"id": "r", "x": 2}]}""";
        var after = """{"rounds": [{"id": "r", "x": 1}, {"id": "r", "x": 3}]}""";

        Assert.Equal([new ResultChange("rounds[1].x", "2", "3")], ResultDiff.Between(before, after).AsEnumerable());
    }

    [Fact]
    public void Between_NotJson_IsAStoreError()
    {
        Assert.Throws<StoreException>(() => ResultDiff.Between("{", Before));
    }
}
