namespace Parley.Tests.Shared;

/// <summary>
/// Locates the peers' reference data in <c>../shared/reference</c> beside the repository root.
/// The data is never copied into the repository; tests that need it skip when it is absent.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The reference folder, or <c>null</c> when it is not beside the repository.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Why reference tests skip, or <c>null</c> when the data is present.</summary>
    public static string? SkipReason => Directory is null
        ? "../shared/reference is absent beside the repository root; peer conformance tests need it"
        : null;

    /// <summary>The full path of <paramref name="relativePath"/> under the reference folder.</summary>
    public static string PathOf(string relativePath) =>
        System.IO.Path.Combine(Directory ?? throw new InvalidOperationException(SkipReason), relativePath);

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx")))
            {
                var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "reference"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs <c>../shared/reference</c>; it skips, saying why, when the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        Skip = ReferenceData.SkipReason;
    }
}

/// <summary>A theory that needs <c>../shared/reference</c>; it skips, saying why, when the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        Skip = ReferenceData.SkipReason;
    }
}
