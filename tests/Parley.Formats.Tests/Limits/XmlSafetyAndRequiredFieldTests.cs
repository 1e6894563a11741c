using Parley.Formats;

namespace Parley.Formats.Tests.Limits;

/// <summary>Issue 12, item 12: DTDs are refused, and required ids must be non-empty in every format.</summary>
public sealed class XmlSafetyAndRequiredFieldTests
{
    private const string KtabXml = """
        <Scenario>
          <name>NAME</name>
          <Actors>
            <Actor><name>A</name><capability>10</capability>
              <Position><dCoord>10</dCoord></Position><Salience><dSal>30</dSal></Salience></Actor>
          </Actors>
        </Scenario>
        """;

    [Fact]
    public void Read_XmlWithDoctypeAndExternalEntity_IsRefusedWithALocatedMessage()
    {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE Scenario [<!ENTITY name SYSTEM \"file:///etc/hostname\">]>\n" + KtabXml.Replace("NAME", "&name;", StringComparison.Ordinal);

        var result = ScenarioFiles.ReadText(text, "entity.xml", ScenarioFormat.KtabXml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("entity.xml:2:1: the file has a DOCTYPE (a DTD); DTDs and entities are refused for safety: remove the <!DOCTYPE ...> declaration", diagnostic.ToString());
        Assert.Equal("the file has a DOCTYPE (a DTD); DTDs and entities are refused for safety: remove the <!DOCTYPE ...> declaration", diagnostic.Message);
    }

    [Fact]
    public void Read_KtabXmlWithEmptyName_IsAnError()
    {
        var result = ScenarioFiles.ReadText(KtabXml.Replace("NAME", " ", StringComparison.Ordinal), "empty.xml", ScenarioFormat.KtabXml);

        Assert.Contains("empty.xml:1:1: the scenario's id is empty; give the scenario a non-empty id (in KTAB files, its name)", result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_KtabCsvWithEmptyName_IsAnError()
    {
        var result = ScenarioFiles.ReadText(",desc,1,1\nActor,Description,Power,Tax,Sal Tax\nA,first,10,10,30\n", "empty.csv", ScenarioFormat.KtabCsv);

        Assert.Contains("the scenario's id is empty", Assert.Single(result.Diagnostics.Where(d => d.Message.Contains("id", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NativeWithQuotedEmptyId_IsAnError()
    {
        var text = Native.NativeReaderTests.Valid.Replace("id: demo", "id: \"\"", StringComparison.Ordinal);

        var result = ScenarioFiles.ReadText(text, "empty.yaml", ScenarioFormat.Yaml);

        Assert.Equal("empty.yaml:1:1: the scenario's id is empty; give the scenario a non-empty id (in KTAB files, its name)", Assert.Single(result.Diagnostics).ToString());
    }
}
