using System.Globalization;
using Microsoft.AspNetCore.Http;
using Parley.Application;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// Where a request's scenario comes from: a stored version, a text sent with the request, or the
/// built-in Alaska summit scenario. Never a path: a name in a request only names the text in messages.
/// </summary>
internal static class ScenarioSources
{
    /// <summary>The longest name kept for an uploaded text (longer names are cut).</summary>
    private const int MaxNameLength = 200;

    /// <summary>The source <paramref name="body"/> names, or a 400/404 problem.</summary>
    /// <remarks><paramref name="stored"/> is the stored version it names, if any.</remarks>
    public static (ScenarioSource? Source, IResult? Problem) Resolve(ScenarioBody? body, ParleyStore store, out ScenarioVersion? stored)
    {
        stored = null;
        if (body is null || (body.Ref is null && body.Content is null))
        {
            return body?.Format is not null || body?.FileName is not null
                ? (null, ApiProblems.Invalid("scenario: 'format' and 'file_name' describe 'content'; send the scenario's text as 'content', or name a stored scenario with 'ref'"))
                : (ScenarioSource.BuiltIn() with { Proposal = body?.Proposal }, null);
        }

        if (body.Ref is not null && body.Content is not null)
        {
            return (null, ApiProblems.Invalid("scenario: give either 'ref' (a stored scenario, NAME or NAME@VERSION) or 'content' (the scenario's text), not both"));
        }

        if (body.Content is { } content)
        {
            return (ScenarioSource.FromText(content, DisplayName(body.FileName), body.Format) with { Proposal = body.Proposal }, null);
        }

        var (version, problem) = FindVersion(store, body.Ref!);
        stored = version;
        return version is null
            ? (null, problem)
            : (FromVersion(version, body.Proposal), null);
    }

    /// <summary>
    /// The source of stored <paramref name="version"/>: a DEU data set saved as one of its proposals
    /// (the version's name is the proposal's id) is that proposal unless <paramref name="proposal"/> names another,
    /// so that a version reads as the scenario it was saved as.
    /// </summary>
    public static ScenarioSource FromVersion(ScenarioVersion version, string? proposal = null)
    {
        var source = ScenarioSource.FromText(version.Content, version.FileName, version.Format) with { Proposal = proposal };
        if (proposal is null && version.Format == "deu")
        {
            var asProposal = source with { Proposal = version.Name };
            if (ScenarioLoader.Load(asProposal).Value is not null)
            {
                return asProposal;
            }
        }

        return source;
    }

    /// <summary>The version <c>NAME</c> (latest) or <c>NAME@VERSION</c> names, or a 400/404 problem.</summary>
    public static (ScenarioVersion? Version, IResult? Problem) FindVersion(ParleyStore store, string reference)
    {
        var at = reference.LastIndexOf('@');
        var name = at < 0 ? reference : reference[..at];
        int? number = null;
        if (at >= 0)
        {
            if (!int.TryParse(reference[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return (null, ApiProblems.Invalid($"scenario ref '{reference}': the version after '@' must be a whole number from 1"));
            }

            number = parsed;
        }

        return store.FindVersion(name, number) is { } version
            ? (version, null)
            : (null, ApiProblems.NotFound(number is null ? $"no scenario '{name}' in the store; GET /scenarios lists them" : $"no version {number} of scenario '{name}'; GET /scenarios/{name}/versions lists them"));
    }

    /// <summary>The name a text sent without a file name is read under.</summary>
    public const string UnnamedStem = "scenario";

    /// <summary>
    /// The 400 for a scenario sent without a file name whose format takes its name from the file name
    /// (BDM, Decide, DEU data sets: their files hold no id): stored as <see cref="UnnamedStem"/>, unrelated
    /// files would become versions of one another. <c>null</c> when the scenario has a name of its own.
    /// </summary>
    /// <param name="snapshot">The scenario as the store would keep it.</param>
    /// <param name="fileNameGiven">Whether the request named the file.</param>
    /// <param name="field">How the request names the file name (<c>file_name</c>, <c>scenario.file_name</c>).</param>
    public static IResult? Unnamed(ScenarioSnapshot snapshot, bool fileNameGiven, string field) =>
        fileNameGiven || snapshot.Format is "yaml" or "json" || snapshot.Name != UnnamedStem
            ? null
            : ApiProblems.Invalid($"{field}: a {snapshot.Format} file holds no name of its own, so the scenario is named after its file name; give {field} (as \"greece_2015.csv\"), else every such file sent without one would be a version of the same scenario '{UnnamedStem}'");

    /// <summary>The text, file name and format the store records for <paramref name="source"/>.</summary>
    public static ScenarioText Text(ScenarioSource source) => ScenarioLoader.ReadText(source);

    /// <summary>A request's file name as a display name: no folders, at most <see cref="MaxNameLength"/> characters.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/').Split('/')[^1]).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? UnnamedStem : name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }
}
