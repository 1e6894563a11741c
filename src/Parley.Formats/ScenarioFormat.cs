namespace Parley.Formats;

/// <summary>The scenario file formats Parley reads.</summary>
public enum ScenarioFormat
{
    /// <summary>Parley's native YAML (<c>docs/scenario-format.md</c>).</summary>
    Yaml,

    /// <summary>Parley's native JSON: the same schema as YAML.</summary>
    Json,

    /// <summary>KTAB SMP CSV: name, description, actor and dimension counts, then one row per actor.</summary>
    KtabCsv,

    /// <summary>KTAB SMP XML (<c>smpSchema.xsd</c>).</summary>
    KtabXml,

    /// <summary>Decide exchange-model input: <c>#A</c>, <c>#P</c>, <c>#M</c>, <c>#D</c> rows.</summary>
    Decide,

    /// <summary>BDM-style CSV: Actor, Capability, Position, Salience.</summary>
    BdmCsv,

    /// <summary>DEU data set (tab-separated, one issue per row); read as a data set of one-issue scenarios.</summary>
    Deu,

    /// <summary>Parley's stance-matrix workbook (.xlsx): the scenario in sheets (<c>docs/spreadsheets.md</c>).</summary>
    Xlsx,

    /// <summary>Parley's stance-matrix CSV: one row per actor and issue (<c>docs/spreadsheets.md</c>).</summary>
    MatrixCsv,
}
