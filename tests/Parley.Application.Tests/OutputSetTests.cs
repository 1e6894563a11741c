namespace Parley.Application.Tests;

public sealed class OutputSetTests : IDisposable
{
    private const string Advice = "add --force";

    private readonly string folder = Directory.CreateTempSubdirectory("parley-set-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(params string[] parts) => Path.Combine([folder, .. parts]);

    [Fact]
    public void Write_AllNew_WritesEveryFileAndMakesTheMissingFolders()
    {
        var outputs = new OutputSet();
        outputs.Add("-o", PathOf("r.html"), "html", replace: false, Advice);
        outputs.Add("--png", PathOf("images", "deep", "a.png"), [1, 2, 3], replace: false, Advice, createFolder: true);

        Assert.Empty(outputs.Write());
        Assert.Equal("html", File.ReadAllText(PathOf("r.html")));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(PathOf("images", "deep", "a.png")));
    }

    [Fact]
    public void Write_OneExistingFile_WritesNoneAndSaysHowManyMore()
    {
        Directory.CreateDirectory(PathOf("images"));
        File.WriteAllText(PathOf("images", "a.png"), "mine");
        File.WriteAllText(PathOf("images", "b.png"), "mine too");
        var outputs = new OutputSet();
        outputs.Add("-o", PathOf("r.html"), "html", replace: false, Advice);
        outputs.Add("--png", PathOf("images", "a.png"), [1], replace: false, Advice, createFolder: true);
        outputs.Add("--png", PathOf("images", "b.png"), [2], replace: false, Advice, createFolder: true);
        outputs.Add("--png", PathOf("images", "c.png"), [3], replace: false, Advice, createFolder: true);

        var problems = outputs.Write();

        Assert.Equal([$"--png: {PathOf("images", "a.png")} already exists; {Advice} (and 1 more file(s) like it)"], problems);
        Assert.False(File.Exists(PathOf("r.html")));
        Assert.False(File.Exists(PathOf("images", "c.png")));
        Assert.Equal("mine", File.ReadAllText(PathOf("images", "a.png")));
        Assert.Equal(2, Directory.GetFileSystemEntries(PathOf("images")).Length);
    }

    [Fact]
    public void Check_TwoOutputsOnOneFile_IsAProblem()
    {
        var outputs = new OutputSet();
        outputs.Add("--errors-csv", PathOf("x"), "a", replace: false, Advice);
        outputs.Add("--calibration-out", Path.Combine(folder, ".", "x"), "b", replace: false, Advice);

        Assert.Equal([$"--calibration-out: {Path.Combine(folder, ".", "x")} is also the file of --errors-csv; give each output its own name"], outputs.Check());
        Assert.NotEmpty(outputs.Write());
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Check_FolderUnderAFile_CannotBeMade()
    {
        File.WriteAllText(PathOf("plain"), "x");
        var outputs = new OutputSet();
        outputs.Add("--svg", PathOf("plain", "sub", "a.svg"), "<svg/>", replace: false, Advice, createFolder: true);

        var problem = Assert.Single(outputs.Check());

        Assert.Equal($"--svg: {PathOf("plain", "sub", "a.svg")}: {PathOf("plain")} is a file, so the folder {PathOf("plain", "sub")} cannot be made", problem);
    }

    [PlatformFact(NeedsLinux = true)]
    public void Write_FailureOnTheLastFile_LeavesNoFileNoTemporaryFileAndNoFolderItMade()
    {
        var outputs = new OutputSet();
        outputs.Add("-o", PathOf("r.html"), "html", replace: false, Advice);
        outputs.Add("--png", PathOf("made", "a.png"), [1], replace: false, Advice, createFolder: true);
        outputs.Add("--svg", "/proc/parley-set.svg", "<svg/>", replace: false, Advice);

        var problem = Assert.Single(outputs.Write());

        Assert.StartsWith("--svg: cannot write /proc/parley-set.svg", problem, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
