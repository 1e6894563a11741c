using Parley.Formats;
using Parley.Formats.Ktab;
using Parley.Tests.Shared;

namespace Parley.Formats.Tests.Ktab;

public sealed class KtabXmlReaderTests
{
    private const string Valid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Scenario>
          <name>Small</name>
          <desc>Three actors</desc>
          <prngSeed>1</prngSeed>
          <ModelParameters>
            <VictoryProbModel>Square</VictoryProbModel>
            <PCEModel>Conditional</PCEModel>
            <StateTransitions>Deterministic</StateTransitions>
            <VotingRule>Proportional</VotingRule>
            <BigRAdjust>No</BigRAdjust>
            <BigRRange>Mid</BigRRange>
            <ThirdPartyCommit>SemiCommit</ThirdPartyCommit>
            <InterVecBrgn>S2P2</InterVecBrgn>
            <BargnModel>InitOnlyInterp</BargnModel>
          </ModelParameters>
          <Dimensions><dName>Tax</dName><dName>Trade</dName></Dimensions>
          <Actors>
            <Actor><name>A</name><description>first</description><capability>10</capability>
              <Position><dCoord>10</dCoord><dCoord>20</dCoord></Position>
              <Salience><dSal>30</dSal><dSal>40</dSal></Salience></Actor>
            <Actor><name>B</name><description>second</description><capability>20</capability>
              <Position><dCoord>60</dCoord><dCoord>70</dCoord></Position>
              <Salience><dSal>50</dSal><dSal>20</dSal></Salience></Actor>
            <Actor><name>C</name><description>third</description><capability>30</capability>
              <Position><dCoord>90</dCoord><dCoord>0</dCoord></Position>
              <Salience><dSal>10</dSal><dSal>10</dSal></Salience></Actor>
          </Actors>
          <IdealAdjustment>
            <iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.25</adjust></iaPair>
          </IdealAdjustment>
        </Scenario>
        """;

    private static string[] Problems(string text) => [.. new KtabXmlReader().Read(text, "broken.xml").Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Read_ValidFile_KeepsModelParametersUnderKtabCodeNames()
    {
        var result = new KtabXmlReader().Read(Valid, "small.xml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scenario = result.Scenario!;
        Assert.Equal(["Tax", "Trade"], scenario.Issues.Select(i => i.Id));
        Assert.Equal(0.4, scenario.FindStance("A", "Trade")!.Salience);
        Assert.Equal("Prop", scenario.ModelParameters["VotingRule"]);
        Assert.Equal("None", scenario.ModelParameters["BigRAdjust"]);
        Assert.Equal("Square", scenario.ModelParameters["VictoryProbModel"]);
        Assert.Equal("A>B=0.25", scenario.ModelParameters["IdealAdjustment"]);
    }

    [ReferenceFact]
    public void Read_DummyData3DimXml_EqualsTheCsv()
    {
        var xml = ScenarioFiles.Read(ReferenceData.PathOf("ktab/dummyData_3Dim.xml"));
        var csv = ScenarioFiles.Read(ReferenceData.PathOf("ktab/dummyData_3Dim.csv"));

        Assert.True(xml.Succeeded, string.Join("\n", xml.Diagnostics));
        Assert.Equal(csv.Scenario!.Actors.Select(a => (a.Id, a.Capability)), xml.Scenario!.Actors.Select(a => (a.Id, a.Capability)));
        Assert.Equal(csv.Scenario.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience)), xml.Scenario.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience)));
        Assert.Empty(xml.Scenario.ModelParameters);
    }

    [ReferenceFact]
    public void Read_SmpExampleXml_ReportsItsEmptyCoordinate()
    {
        var path = ReferenceData.PathOf("ktab/smpExample.xml");

        var result = ScenarioFiles.Read(path);

        Assert.Equal([$"{path}:32:9: <dCoord> is empty; give the position as a number"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_MalformedXml_IsLocated()
    {
        Assert.Equal(
            ["broken.xml:3:3: malformed XML: The 'name' start tag on line 2 position 4 does not match the end tag of 'Scenario'; fix the markup"],
            Problems("<Scenario>\n  <name>x\n</Scenario>\n"));
    }

    [Fact]
    public void Read_WrongCountsAndBadValues_AreAllReported()
    {
        var text = Valid
            .Replace("<dCoord>20</dCoord>", string.Empty, StringComparison.Ordinal)
            .Replace("<capability>20</capability>", "<capability>lots</capability>", StringComparison.Ordinal)
            .Replace("<PCEModel>Conditional</PCEModel>", "<PCEModel>Plurality</PCEModel>", StringComparison.Ordinal)
            .Replace("<referencePos>B</referencePos>", "<referencePos>Zed</referencePos>", StringComparison.Ordinal);

        Assert.Equal(
            [
                "broken.xml:8:5: PCEModel 'Plurality' is not allowed; use one of Conditional, MarkovIncentive, MarkovUniform",
                "broken.xml:20:7: <Position> has 1 <dCoord>; the scenario has 2 dimension(s), give one per dimension",
                "broken.xml:22:59: capability 'lots' is not a number; write numbers like 42 or 57.5",
                "broken.xml:30:47: unknown actor 'Zed'; use the name of an <Actor>",
            ],
            Problems(text));
    }

    [Fact]
    public void Read_MissingActors_IsReported()
    {
        Assert.Equal(
            ["broken.xml:1:1: <Scenario> has no <Actors>; add it (see smpSchema.xsd)"],
            Problems("<Scenario><name>x</name><desc/><prngSeed>1</prngSeed><Dimensions><dName>d</dName></Dimensions></Scenario>"));
    }

    [Fact]
    public void Recognizes_KtabXmlButNotJson()
    {
        var reader = new KtabXmlReader();

        Assert.True(reader.Recognizes(Valid, "x.xml"));
        Assert.False(reader.Recognizes("{\"actors\": []}", "x.json"));
    }
}
