using System.Text;

namespace Parley.Cli;

/// <summary>Writes the files commands produce, so that a failure never leaves a half-written or lost file.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) to a temporary file beside <paramref name="target"/>
    /// and moves it into place; on failure prints why and returns false, leaving any existing file intact.
    /// Callers decide beforehand whether replacing an existing file is allowed.
    /// </summary>
    public static bool Write(string target, string text, CliConsole console) =>
        Write(target, new UTF8Encoding(false).GetBytes(text), console);

    /// <summary>As <see cref="Write(string, string, CliConsole)"/>, for binary content (images).</summary>
    public static bool Write(string target, byte[] bytes, CliConsole console)
    {
        var temporary = target + ".parley-tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            console.Error.WriteLine($"parley: cannot write {target}: {error.Message}");
            return false;
        }
    }
}
