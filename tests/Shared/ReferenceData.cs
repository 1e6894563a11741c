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

/// <summary>
/// A theory that needs <c>../shared/reference</c>. Its rows come from
/// <see cref="ReferenceInlineDataAttribute"/> or <see cref="ReferenceMemberDataAttribute"/>, which
/// skip every row, saying why, when the folder is absent: each case is then counted as skipped
/// instead of the whole theory collapsing into one skipped entry (xUnit does that with a
/// theory-level Skip, so the cases "disappeared" from the totals).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReferenceTheoryAttribute : TheoryAttribute
{
}

/// <summary>One row of a <see cref="ReferenceTheoryAttribute"/> theory; skipped, with the reason, when the reference data is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ReferenceInlineDataAttribute : Xunit.Sdk.DataAttribute
{
    private readonly object?[] data;

    public ReferenceInlineDataAttribute(params object?[] data)
    {
        this.data = data;
        Skip = ReferenceData.SkipReason;
    }

    public override IEnumerable<object?[]> GetData(System.Reflection.MethodInfo testMethod) => [data];
}

/// <summary>
/// The rows of a <see cref="ReferenceTheoryAttribute"/> theory from a static member; every row is
/// skipped, with the reason, when the reference data is absent. The member should then still
/// return the rows it can name without the data (at least one placeholder), so the cases that
/// cannot run are counted as skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ReferenceMemberDataAttribute : MemberDataAttributeBase
{
    public ReferenceMemberDataAttribute(string memberName, params object?[] parameters)
        : base(memberName, parameters)
    {
        Skip = ReferenceData.SkipReason;
    }

    protected override object?[] ConvertDataItem(System.Reflection.MethodInfo testMethod, object? item) =>
        item as object?[] ?? throw new ArgumentException($"{MemberName} must yield object[] rows (TheoryData does)", nameof(item));
}
