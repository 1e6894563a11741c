using System.Collections.Immutable;
using Parley.Formats;
using Parley.Formats.Decide;
using Parley.Formats.Deu;
using Parley.Formats.Ktab;
using Parley.Formats.Native;
using Parley.Formats.Overlays;

namespace Parley.Fuzz;

/// <summary>
/// The fuzz targets, one per reader, and the property each checks: bytes go through the same
/// decoding as a file (<see cref="InputText.Decode"/>), then through the reader, which must
/// return a scenario or located diagnostics. Any exception, and any result that is neither, is a
/// crash. The regression tests replay saved crashing inputs through the same targets.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The file name inputs are read as (it appears in the diagnostics).</summary>
    public const string FileName = "fuzz-input";

    /// <summary>Every target by name.</summary>
    public static ImmutableSortedDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>
    {
        ["yaml"] = bytes => Scenario(bytes, NativeScenarioReader.Yaml),
        ["json"] = bytes => Scenario(bytes, NativeScenarioReader.Json),
        ["ktab-csv"] = bytes => Scenario(bytes, new KtabCsvReader()),
        ["ktab-xml"] = bytes => Scenario(bytes, new KtabXmlReader()),
        ["decide"] = bytes => Scenario(bytes, new DecideReader()),
        ["bdm"] = bytes => Scenario(bytes, new BdmCsvReader()),
        ["matrix-csv"] = bytes => Scenario(bytes, new Parley.Formats.Sheets.MatrixCsvReader()),
        ["xlsx"] = Workbook,

        // The capability option changes which columns are read; the input's length picks one, so each is fuzzed.
        ["deu"] = bytes => Scenario(bytes, new DeuReader((DeuCapability)(bytes.Length % 3))),
        ["overlay"] = Overlay,
        ["detect"] = bytes => Decoded(bytes, text => ScenarioFiles.ReadText(text, FileName)),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="target"/> on <paramref name="input"/>; throws when the property fails.</summary>
    public static void Run(string target, byte[] input)
    {
        if (!All.TryGetValue(target, out var run))
        {
            throw new ArgumentException($"unknown fuzz target '{target}'; use one of {string.Join(", ", All.Keys)}", nameof(target));
        }

        run(input);
    }

    private static void Scenario(byte[] bytes, IScenarioFormatReader reader) =>
        Decoded(bytes, text => reader.Read(text, FileName));

    private static void Decoded(byte[] bytes, Func<string, ReadResult> read)
    {
        var (text, problem) = InputText.Decode(bytes, FileName);
        if (text is null)
        {
            CheckLocated([problem!]);

            // A file that is not UTF-8 stops at decoding, but a reader is also given text directly
            // (a server's JSON body, a test): it must stand any text, so it gets what a lenient decoding makes of the bytes.
            text = LenientText(bytes);
            if (text is null)
            {
                return;
            }
        }

        var result = read(text);
        if (result.Succeeded)
        {
            Check(result.Scenario is not null && result.Diagnostics.IsEmpty, "a successful read has a scenario and no diagnostics");
        }
        else
        {
            CheckLocated(result.Diagnostics);
        }
    }

    /// <summary>A workbook's bytes go to the workbook reader as they are (it is binary), which must give a scenario or located diagnostics.</summary>
    private static void Workbook(byte[] bytes)
    {
        var result = Parley.Formats.Sheets.SpreadsheetFiles.ReadWorkbook(bytes, FileName);
        if (result.Succeeded)
        {
            Check(result.Scenario is not null && result.Diagnostics.IsEmpty, "a successful read has a scenario and no diagnostics");
        }
        else
        {
            CheckLocated(result.Diagnostics);
        }
    }

    private static void Overlay(byte[] bytes)
    {
        var (text, problem) = InputText.Decode(bytes, FileName);
        if (text is null)
        {
            CheckLocated([problem!]);
            text = LenientText(bytes);
            if (text is null)
            {
                return;
            }
        }

        var (overlay, diagnostics) = OverlayFileReader.ReadText(text, FileName);
        if (overlay is null)
        {
            CheckLocated(diagnostics);
        }
        else
        {
            Check(diagnostics.IsEmpty, "a successful overlay read has no diagnostics");
        }
    }

    /// <summary>
    /// The bytes as text with every byte that is not UTF-8 replaced by U+FFFD, or <c>null</c> when
    /// the decoding refused them for another reason (wide encodings, NUL bytes: binary input).
    /// </summary>
    private static string? LenientText(byte[] bytes)
    {
        var lenient = System.Text.Encoding.UTF8.GetString(bytes);
        var (text, _) = InputText.Decode(System.Text.Encoding.UTF8.GetBytes(lenient), FileName);
        return text;
    }

    private static void CheckLocated(IReadOnlyCollection<Diagnostic?> diagnostics)
    {
        Check(diagnostics.Count > 0, "a failed read has at least one diagnostic");
        foreach (var diagnostic in diagnostics)
        {
            Check(diagnostic is { File: FileName, Line: >= 1, Column: >= 1, Message.Length: > 0 }, $"every diagnostic is located in the file: {diagnostic}");
            Check(diagnostic!.Message.Length <= 2000, $"a diagnostic is short (at most 2,000 characters), found {diagnostic.Message.Length}");
        }
    }

    private static void Check(bool condition, string property)
    {
        if (!condition)
        {
            throw new FuzzPropertyException(property);
        }
    }
}

/// <summary>A reader broke the fuzz property: its result was neither a scenario nor located diagnostics.</summary>
public sealed class FuzzPropertyException(string message) : Exception(message);
