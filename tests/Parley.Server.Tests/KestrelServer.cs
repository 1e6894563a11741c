using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Storage;

namespace Parley.Server.Tests;

/// <summary>A real Kestrel server on loopback, on a free port, over a fresh SQLite store; stopped and removed on dispose.</summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-kestrel-").FullName;
    private readonly IHost host;

    private KestrelServer(ServerOptions options)
    {
        Store = ParleyStore.Open(StoreLocation.Sqlite(Path.Combine(folder, "store.db")));
        host = ParleyServer.CreateHostBuilder(options with { Port = 0, Store = Store.Location }, Store).Build();
    }

    public ParleyStore Store { get; }

    public Uri Address { get; private set; } = null!;

    public static async Task<KestrelServer> StartAsync(ServerOptions options)
    {
        var server = new KestrelServer(options);
        await server.host.StartAsync();
        var address = server.host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address);
        Assert.True(server.Address.IsLoopback);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Store.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
