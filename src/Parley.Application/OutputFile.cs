using System.Runtime.InteropServices;
using System.Text;

namespace Parley.Application;

/// <summary>
/// The one safe way Parley writes a file a user named: to regular files only (never a device, a pipe,
/// a directory, or through a symbolic link unless replacing is allowed), into a temporary file beside
/// the target that is moved into place once complete, so a failure at any point leaves no temporary
/// file behind and the existing file intact.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// What is wrong with writing <paramref name="path"/>, or <c>null</c> when it may be written.
    /// An existing regular file may be replaced only when <paramref name="replace"/> is true; otherwise the
    /// message is "PATH already exists; <paramref name="existsAdvice"/>". With <paramref name="replace"/>,
    /// a symbolic link is followed and the file it points to is replaced.
    /// </summary>
    public static string? Check(string path, bool replace, string existsAdvice)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Resolve(path, replace, existsAdvice, createFolder: false, out _);
    }

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/> after
    /// <see cref="Check"/>; returns <c>null</c> on success, else why nothing was written.
    /// </summary>
    public static string? Write(string path, string text, bool replace, string existsAdvice)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Write(path, new UTF8Encoding(false).GetBytes(text), replace, existsAdvice);
    }

    /// <summary>As <see cref="Write(string, string, bool, string)"/>, for binary content such as images.</summary>
    public static string? Write(string path, byte[] bytes, bool replace, string existsAdvice)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        if (Resolve(path, replace, existsAdvice, createFolder: false, out var target) is { } problem)
        {
            return problem;
        }

        string? temporary = null;
        try
        {
            temporary = Stage(target, bytes);
            File.Move(temporary, target, overwrite: replace);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"cannot write {path}: {error.Message}";
        }
        finally
        {
            Discard(temporary);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to a new temporary file beside <paramref name="target"/> and returns its path; the caller moves it into place or discards it.</summary>
    internal static string Stage(string target, byte[] bytes)
    {
        // Short, so that any name the target may have leaves room for it.
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".parley-{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            Discard(temporary);
            throw;
        }

        return temporary;
    }

    /// <summary>Removes a temporary file left by <see cref="Stage"/> (none once it was moved into place).</summary>
    internal static void Discard(string? temporary)
    {
        if (temporary is not null && File.Exists(temporary))
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// The file to write for <paramref name="path"/> (a link's final target when replacing), or the problem. With
    /// <paramref name="createFolder"/> a missing folder is no problem as long as it can be made: no part of its
    /// path is an existing file.
    /// </summary>
    internal static string? Resolve(string path, bool replace, string existsAdvice, bool createFolder, out string target)
    {
        target = string.Empty;
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the output file name is empty; give a file name";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{path} is not a usable file name: {error.Message}";
        }

        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            if (!replace)
            {
                return $"{path} is a symbolic link; Parley writes only to regular files (add --force to replace the file it points to)";
            }

            if (info.ResolveLinkTarget(returnFinalTarget: true) is not { } final)
            {
                return $"{path} is a symbolic link that cannot be followed; give a regular file";
            }

            full = final.FullName;
            info = new FileInfo(full);
        }

        if (Directory.Exists(full))
        {
            return $"{path} is a directory; give a file name";
        }

        if (info.Exists && !IsRegularFile(full))
        {
            return $"{path} is not a regular file (a device, pipe or socket); Parley writes only to regular files";
        }

        if (info.Exists && !replace)
        {
            return $"{path} already exists; {existsAdvice}";
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            if (!createFolder || folder is null)
            {
                return $"{path}: the folder {folder} does not exist";
            }

            for (var above = folder; above is not null && !Directory.Exists(above); above = Path.GetDirectoryName(above))
            {
                if (File.Exists(above))
                {
                    return $"{path}: {above} is a file, so the folder {folder} cannot be made";
                }
            }
        }

        target = full;
        return null;
    }

    /// <summary>
    /// Whether <paramref name="path"/> (not a link) is a regular file. .NET reports devices, pipes and
    /// sockets as ordinary files on Unix, so on Linux the file type comes from <c>statx(2)</c>, whose
    /// result layout is the same on every architecture (<c>stx_mode</c>: 16 bits at byte 28).
    /// </summary>
    private static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (File.GetAttributes(path) & (FileAttributes.Device | FileAttributes.Directory)) == 0;
        }

        const int CurrentDirectory = -100, NoFollow = 0x100, TypeMask = 0xF000, Regular = 0x8000;
        var buffer = new byte[256];
        if (NativeMethods.Statx(CurrentDirectory, path, NoFollow, 1, buffer) != 0)
        {
            return true; // Not readable: let the write itself report why.
        }

        return (BitConverter.ToUInt16(buffer, 28) & TypeMask) == Regular;
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054, CA5392, CA2101 // A plain libc call; LibraryImport would need unsafe code for no gain here.
        [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054, CA5392, CA2101
    }
}
