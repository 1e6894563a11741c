namespace Parley.Application.Tests;

public sealed class OutputFileTests : IDisposable
{
    private const string Advice = "add --force";

    private readonly string folder = Directory.CreateTempSubdirectory("parley-out-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Write_EmptyName_IsAnErrorAndWritesNothing(string path)
    {
        Assert.Equal("the output file name is empty; give a file name", OutputFile.Write(path, "x", replace: true, Advice));
        Assert.Empty(Directory.GetFileSystemEntries(Environment.CurrentDirectory, "*.parley-tmp"));
    }

    [Fact]
    public void Write_NewFile_WritesItAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(folder, "out.yaml");

        Assert.Null(OutputFile.Write(path, "text\n", replace: false, Advice));
        Assert.Equal("text\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Write_ExistingFileWithoutReplace_KeepsIt()
    {
        var path = Path.Combine(folder, "out.yaml");
        File.WriteAllText(path, "old");

        Assert.Equal($"{path} already exists; {Advice}", OutputFile.Write(path, "new", replace: false, Advice));
        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void Write_Directory_IsRefused()
    {
        Assert.Equal($"{folder} is a directory; give a file name", OutputFile.Write(folder, "x", replace: true, Advice));
    }

    [PlatformFact(NeedsLinux = true)]
    public void Write_Device_IsRefusedAndStaysADevice()
    {
        var problem = OutputFile.Write("/dev/full", "x", replace: true, Advice);

        Assert.Equal("/dev/full is not a regular file (a device, pipe or socket); Parley writes only to regular files", problem);
        Assert.Equal(0, new FileInfo("/dev/full").Length);
    }

    [Fact]
    public void Write_Symlink_IsRefusedWithoutReplaceAndReplacesItsTargetWithIt()
    {
        var target = Path.Combine(folder, "target.yaml");
        var link = Path.Combine(folder, "link.yaml");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        var refused = OutputFile.Write(link, "new", replace: false, Advice);
        var forced = OutputFile.Write(link, "new", replace: true, Advice);

        Assert.StartsWith($"{link} is a symbolic link", refused, StringComparison.Ordinal);
        Assert.Null(forced);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(folder).Length);
    }

    [Fact]
    public void Write_MissingFolder_IsAnError()
    {
        Assert.EndsWith("does not exist", OutputFile.Write(Path.Combine(folder, "no", "out.yaml"), "x", replace: false, Advice), StringComparison.Ordinal);
    }

    [PlatformFact(NeedsLinux = true)]
    public void Write_FolderThatRefusesFiles_LeavesNothingBehind()
    {
        var problem = OutputFile.Write("/proc/parley-out.yaml", "x", replace: true, Advice);

        Assert.StartsWith("cannot write /proc/parley-out.yaml", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFileSystemEntries("/proc"), e => e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_LongestAllowedName_IsWritten()
    {
        var path = Path.Combine(folder, new string('a', 250) + ".yaml");

        Assert.Null(OutputFile.Write(path, "x", replace: false, Advice));
        Assert.Equal("x", File.ReadAllText(path));
    }

    [PlatformFact(NeedsLinux = true, NeedsPermissions = true)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write_UnwritableFolder_LeavesNoTemporaryFileAndKeepsTheOldFile()
    {        var path = Path.Combine(folder, "out.yaml");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var problem = OutputFile.Write(path, "new", replace: true, Advice);

            Assert.StartsWith($"cannot write {path}", problem, StringComparison.Ordinal);
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
