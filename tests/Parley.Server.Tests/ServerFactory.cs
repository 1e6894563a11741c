using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Parley.Storage;

namespace Parley.Server.Tests;

/// <summary>
/// The API in memory (WebApplicationFactory over <see cref="ParleyServer.CreateHostBuilder"/>) on a
/// fresh SQLite store in a temp folder, removed on dispose.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<ServerFactory>
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-server-").FullName;

    public ServerFactory()
        : this(new ServerOptions())
    {
    }

    internal ServerFactory(ServerOptions options)
    {
        Store = ParleyStore.Open(StoreLocation.Sqlite(Path.Combine(folder, "store.db")));
        Options = options with { Store = Store.Location };
    }

    public ServerOptions Options { get; }

    public ParleyStore Store { get; }

    protected override IHostBuilder CreateHostBuilder() => ParleyServer.CreateHostBuilder(Options, Store);

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(folder))
        {
            Store.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
