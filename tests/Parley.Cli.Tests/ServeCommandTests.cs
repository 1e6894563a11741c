namespace Parley.Cli.Tests;

/// <summary><c>parley serve</c>'s checks before it listens (the server itself is tested in Parley.Server.Tests).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_WithBadOptions_NamesEachAndExits2_WithoutListening()
    {
        var (exit, output, error) = CliRunner.Run("serve", "--port", "70000", "--token", "short", "--max-body", "10", "--cors", "nowhere");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("parley: --port 70000 is not allowed; use 0 (any free port) to 65535", error, StringComparison.Ordinal);
        Assert.Contains("parley: --token must be at least 16 characters", error, StringComparison.Ordinal);
        Assert.Contains("parley: --max-body must be from 1024 bytes", error, StringComparison.Ordinal);
        Assert.Contains("parley: --cors 'nowhere' is not an origin", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_OnAPortInUse_SaysSoInOneLine_WithoutAStackTrace()
    {
        // A process of its own: the host's log goes to the real console, which an in-process run does not capture.
        var folder = Directory.CreateTempSubdirectory("parley-serve-").FullName;
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

            var (exit, output, error) = CliRunner.RunProcess(CliRunner.ProcessStart("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", Path.Combine(folder, "s.db")));

            Assert.Equal(2, exit);
            Assert.Empty(output);
            Assert.Equal(
                $"parley: cannot listen on http://127.0.0.1:{port}: Failed to bind to address http://127.0.0.1:{port}: address already in use; choose another --port (or --port 0 for any free one)",
                error.TrimEnd());
        }
        finally
        {
            holder.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Serve_OnAnotherProgramsDatabase_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("parley-serve-").FullName;
        try
        {
            var file = Path.Combine(folder, "notes.txt");
            File.WriteAllText(file, "not a database");

            var (exit, _, error) = CliRunner.Run("serve", "--db", file);

            Assert.Equal(2, exit);
            Assert.Contains("is not an SQLite database, not a Parley store; nothing was written to it", error, StringComparison.Ordinal);
            Assert.Equal("not a database", File.ReadAllText(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
