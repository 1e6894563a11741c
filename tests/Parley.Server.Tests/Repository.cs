namespace Parley.Server.Tests;

/// <summary>Files of this repository the tests read: the scenarios, the readers' sample and regression files, the built CLI.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Parley.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Parley.slnx above {AppContext.BaseDirectory}");
    });

    public static string Root => RootFolder.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The built CLI of the same configuration as these tests (parley.dll).</summary>
    public static string Cli
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = PathOf(Path.Combine("src", "Parley.Cli", "bin", configuration, "net10.0", "parley.dll"));
            return File.Exists(path) ? path : throw new InvalidOperationException($"the CLI is not built at {path}");
        }
    }
}
