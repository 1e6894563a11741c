using System.Text;

namespace Parley.Application;

/// <summary>
/// The files one run writes (a report, its chart images, a CSV, a calibration), checked together and written
/// together, so that a run refused for any one of them writes none: every path is checked (as
/// <see cref="OutputFile.Check"/>, and no two outputs on one file) before anything is written; then every file is
/// written to a temporary file beside its target, and only when all of them are complete are they moved into
/// place. A failure while writing removes the temporary files and any folder this set made.
/// </summary>
public sealed class OutputSet
{
    private readonly List<Entry> entries = [];

    /// <summary>The number of files added.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// Adds <paramref name="text"/> (UTF-8, no byte-order mark) for <paramref name="path"/>. <paramref name="label"/>
    /// names the output in problems (an option such as <c>--png</c>); <paramref name="replace"/> and
    /// <paramref name="existsAdvice"/> are as for <see cref="OutputFile.Check"/>; with <paramref name="createFolder"/>
    /// a missing folder is made when the set is written.
    /// </summary>
    public void Add(string label, string path, string text, bool replace, string existsAdvice, bool createFolder = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        Add(label, path, new UTF8Encoding(false).GetBytes(text), replace, existsAdvice, createFolder);
    }

    /// <summary>As <see cref="Add(string, string, string, bool, string, bool)"/>, for binary content such as images.</summary>
    public void Add(string label, string path, byte[] bytes, bool replace, string existsAdvice, bool createFolder = false)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(existsAdvice);
        entries.Add(new Entry(label, path, bytes, replace, existsAdvice, createFolder));
    }

    /// <summary>
    /// Every reason the set cannot be written, each as <c>LABEL: problem</c>; for an output with several refused
    /// files (a folder of images) the first and how many more. Empty when all may be written.
    /// </summary>
    public IReadOnlyList<string> Check() => Resolve(out _);

    /// <summary>
    /// Writes every file after <see cref="Check"/>: all of them, or, with the problems returned, none (a failure
    /// while moving the finished files into place, which only a disk failing between two renames causes, can
    /// leave the ones already moved).
    /// </summary>
    public IReadOnlyList<string> Write()
    {
        var problems = Resolve(out var targets);
        if (problems.Count > 0)
        {
            return problems;
        }

        var madeFolders = new List<string>();
        var staged = new List<string?>();
        var current = 0;
        try
        {
            for (; current < entries.Count; current++)
            {
                var folder = Path.GetDirectoryName(targets[current])!;
                if (!Directory.Exists(folder))
                {
                    MakeFolder(folder, madeFolders);
                }

                staged.Add(OutputFile.Stage(targets[current], entries[current].Bytes));
            }

            for (current = 0; current < entries.Count; current++)
            {
                File.Move(staged[current]!, targets[current], overwrite: entries[current].Replace);
                staged[current] = null;
            }

            return [];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var entry = entries[Math.Min(current, entries.Count - 1)];
            staged.ForEach(OutputFile.Discard);
            for (var made = madeFolders.Count - 1; made >= 0; made--)
            {
                if (Directory.Exists(madeFolders[made]) && !Directory.EnumerateFileSystemEntries(madeFolders[made]).Any())
                {
                    Directory.Delete(madeFolders[made]);
                }
            }

            return [$"{entry.Label}: cannot write {entry.Path}: {error.Message}"];
        }
    }

    /// <summary>Makes <paramref name="folder"/> and its missing parents, outermost first, noting each one made.</summary>
    private static void MakeFolder(string folder, List<string> made)
    {
        var missing = new Stack<string>();
        for (var above = folder; above is not null && !Directory.Exists(above); above = Path.GetDirectoryName(above))
        {
            missing.Push(above);
        }

        foreach (var next in missing)
        {
            Directory.CreateDirectory(next);
            made.Add(next);
        }
    }

    private List<string> Resolve(out List<string> targets)
    {
        targets = [];
        var problems = new List<(string Label, string Problem)>();
        var owners = new Dictionary<string, Entry>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (OutputFile.Resolve(entry.Path, entry.Replace, entry.ExistsAdvice, entry.CreateFolder, out var target) is { } problem)
            {
                problems.Add((entry.Label, problem));
            }
            else if (owners.TryGetValue(target, out var owner))
            {
                problems.Add((entry.Label, $"{entry.Path} is also the file of {owner.Label}; give each output its own name"));
            }
            else
            {
                owners.Add(target, entry);
            }

            targets.Add(target);
        }

        // A folder of images already written refuses every image: the first says why, the count says how many.
        return [.. problems.GroupBy(p => p.Label).Select(group => group.Count() == 1
            ? $"{group.Key}: {group.First().Problem}"
            : $"{group.Key}: {group.First().Problem} (and {group.Count() - 1} more file(s) like it)")];
    }

    private sealed record Entry(string Label, string Path, byte[] Bytes, bool Replace, string ExistsAdvice, bool CreateFolder);
}
