using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;

namespace Parley.Formats.Native;

/// <summary>
/// The native format's fields for drafts: <c>candidates</c> (passages proposed as evidence, with
/// their offsets in the source) and a draft stance's <c>suggestion</c>. Their names and the kind
/// names live here so that the reader and the writer agree.
/// </summary>
internal static class DraftFields
{
    /// <summary>The source-map kind of draft stances: <c>draft[j]</c>.</summary>
    public const string MapKind = "draft";

    /// <summary>The <c>kind</c> written for a <see cref="PositionSuggestion"/>.</summary>
    public const string SuggestionKind = "suggestion";

    private static readonly (CandidateKind Kind, string Name)[] KindNames =
    [
        (CandidateKind.DirectQuote, "direct_quote"),
        (CandidateKind.ReportedSpeech, "reported_speech"),
        (CandidateKind.Description, "description"),
        (CandidateKind.Mention, "mention"),
    ];

    /// <summary>The file's name of <paramref name="kind"/>: <c>direct_quote</c>, <c>reported_speech</c>, <c>description</c> or <c>mention</c>.</summary>
    public static string NameOf(CandidateKind kind) => KindNames.First(k => k.Kind == kind).Name;

    /// <summary>The kind the file's name <paramref name="name"/> stands for (<c>direct_quote</c>, ...), or <c>null</c> for any other name.</summary>
    public static CandidateKind? KindOf(string? name) =>
        KindNames.FirstOrDefault(k => k.Name == name) is { Name: not null } found ? found.Kind : null;

    /// <summary>The kinds' names, for messages: <c>direct_quote, reported_speech, description, mention</c>.</summary>
    public static string KindList => string.Join(", ", KindNames.Select(k => k.Name));

    /// <summary>Reads the <c>candidates</c> list of a stance or actor.</summary>
    public static ImmutableArray<CandidateEvidence> ReadCandidates(YamlFields parent, string fileName, NativeProblems problems)
    {
        var builder = ImmutableArray.CreateBuilder<CandidateEvidence>();
        foreach (var (node, index) in parent.Items("candidates"))
        {
            var fields = YamlFields.Of(node, $"candidate {index + 1}", fileName, problems);
            if (fields is null)
            {
                continue;
            }

            fields.AllowOnly("quote", "source", "start", "end", "kind", "score");
            var quote = fields.String("quote", required: true);
            var source = fields.String("source", required: true);
            var start = fields.Number("start", required: true);
            var end = fields.Number("end", required: true);
            var kindText = fields.String("kind", required: true);
            var score = fields.Number("score") ?? 0;
            if (quote is null || source is null || start is null || end is null || kindText is null)
            {
                continue;
            }

            var kind = KindNames.FirstOrDefault(k => k.Name == kindText);
            if (kind.Name is null)
            {
                Report(fields, "kind", fileName, problems, $"candidate {index + 1}: kind '{kindText}' is not allowed; use one of {string.Join(", ", KindNames.Select(k => k.Name))}");
                continue;
            }

            if (!IsOffset(start.Value) || !IsOffset(end.Value) || end.Value - start.Value != quote.Length)
            {
                Report(fields, "start", fileName, problems, string.Create(CultureInfo.InvariantCulture, $"candidate {index + 1}: offsets {start}-{end} do not fit the quote; start and end are whole character offsets from 0 with end - start equal to the quote's length ({quote.Length})"));
                continue;
            }

            if (!(score >= 0 && score <= 1))
            {
                Report(fields, "score", fileName, problems, string.Create(CultureInfo.InvariantCulture, $"candidate {index + 1}: score {score} is not allowed; a score is a number from 0 to 1"));
                continue;
            }

            builder.Add(new CandidateEvidence(quote, source, (int)start.Value, (int)end.Value, kind.Kind, score));
        }

        return builder.ToImmutable();
    }

    /// <summary>Reads a draft stance's <c>suggestion: { kind: suggestion, position, basis }</c>.</summary>
    public static PositionSuggestion? ReadSuggestion(YamlFields parent, string fileName, NativeProblems problems)
    {
        if (parent.Node("suggestion") is not { } node || parent.IsExplicitNull("suggestion"))
        {
            return null;
        }

        var fields = YamlFields.Of(node, "suggestion", fileName, problems);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("kind", "position", "basis");
        var kind = fields.String("kind", required: true);
        var position = fields.Number("position", required: true);
        var basis = fields.String("basis") ?? string.Empty;
        if (kind is not null && kind != SuggestionKind)
        {
            Report(fields, "kind", fileName, problems, $"suggestion: kind '{Excerpt.Of(kind)}' is not allowed; a suggestion says 'kind: {SuggestionKind}' so that nobody mistakes it for a judgement");
            return null;
        }

        return position is { } value && kind is not null ? new PositionSuggestion(value, basis) : null;
    }

    private static bool IsOffset(double value) => value >= 0 && value <= int.MaxValue && value == Math.Floor(value);

    private static void Report(YamlFields fields, string key, string fileName, NativeProblems problems, string message)
    {
        var at = fields.LocationOf(key);
        problems.Add(new Diagnostic(fileName, at.Line, at.Column, message));
    }
}
