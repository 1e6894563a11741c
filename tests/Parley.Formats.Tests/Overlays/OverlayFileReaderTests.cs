using Parley.Formats.Overlays;

namespace Parley.Formats.Tests.Overlays;

public sealed class OverlayFileReaderTests
{
    [Fact]
    public void Read_FullOverlay_KeepsEveryEditWithItsLocation()
    {
        var (overlay, diagnostics) = OverlayFileReader.ReadText(
            """
            set:
              usa.sanctions.position: 80
              rus.sanctions.salience: 0.4
            remove_actors: [uk]
            add_stages:
              - id: summit
                name: Summit with Europe
                participants: [usa, rus, europe]
                issues: [ceasefire]
                model: nash
            """,
            "what.yaml");

        Assert.Empty(diagnostics);
        Assert.NotNull(overlay);
        Assert.Equal([("usa.sanctions.position", 80.0, "what.yaml:2:3"), ("rus.sanctions.salience", 0.4, "what.yaml:3:3")],
            overlay.Settings.Select(s => (s.Path, s.Value, s.Origin)).ToArray());
        Assert.Equal("uk", Assert.Single(overlay.Removals).ActorId);
        var stage = Assert.Single(overlay.AddedStages).Stage;
        Assert.Equal(("summit", "Summit with Europe", "nash"), (stage.Id, stage.Name, stage.Model));
        Assert.Equal(["usa", "rus", "europe"], stage.Participants.ToArray());
        Assert.Equal(["ceasefire"], stage.Issues.ToArray());
    }

    [Fact]
    public void Read_Json_IsAcceptedAsYaml()
    {
        var (overlay, diagnostics) = OverlayFileReader.ReadText("""{"set": {"usa.capability": 90}}""", "what.json");
        Assert.Empty(diagnostics);
        Assert.Equal(90, Assert.Single(overlay!.Settings).Value);
    }

    [Fact]
    public void Read_EveryProblemIsLocated()
    {
        var (overlay, diagnostics) = OverlayFileReader.ReadText(
            """
            set:
              usa.sanctions.position: high
            remove_actors: uk
            add_stages:
              - name: no id
            extra: 1
            """,
            "bad.yaml");

        Assert.Null(overlay);
        Assert.Equal(4, diagnostics.Length);
        Assert.Contains(diagnostics, d => d.Line == 2 && d.Message.Contains("PATH: NUMBER", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Line == 3 && d.Message.Contains("remove_actors must be a list", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Line == 5 && d.Message.Contains("needs an id", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Line == 6 && d.Message.Contains("unknown field 'extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MissingFile_IsADiagnostic()
    {
        var (overlay, diagnostics) = OverlayFileReader.Read("/nonexistent/overlay.yaml");
        Assert.Null(overlay);
        Assert.Contains("no such file", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidYaml_IsADiagnostic()
    {
        var (overlay, diagnostics) = OverlayFileReader.ReadText("set: [unclosed", "bad.yaml");
        Assert.Null(overlay);
        Assert.StartsWith("not valid YAML", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }
}
