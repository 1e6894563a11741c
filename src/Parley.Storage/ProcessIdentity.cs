using System.Diagnostics;
using System.Globalization;

namespace Parley.Storage;

/// <summary>
/// Who is recording a run: host, process id and the process's start time (so that a reused pid is
/// not mistaken for the recorder). Opening a store marks failed the unfinished runs whose recorder
/// on this host is gone; runs recorded on other hosts are left to their own recorders.
/// </summary>
internal static class ProcessIdentity
{
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    public static string Host { get; } = Environment.MachineName;

    public static int ProcessId { get; } = Environment.ProcessId;

    public static DateTimeOffset StartedAt { get; } = StartTimeOf(Process.GetCurrentProcess()) ?? DateTimeOffset.UnixEpoch;

    /// <summary>Whether the process <paramref name="processId"/> started at <paramref name="startedAt"/> is still running on this host.</summary>
    public static bool IsAlive(int processId, DateTimeOffset startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && StartTimeOf(process) is { } start && (start - startedAt).Duration() <= StartTimeTolerance;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static DateTimeOffset? StartTimeOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception error) when (error is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
