using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Server;
using Parley.Storage;

namespace Parley.Browser.Tests;

/// <summary>
/// <c>parley serve</c>'s host on real Kestrel, on a free loopback port, over a fresh SQLite store in a
/// temporary folder; with headless chromium for the workbench tests. Stopped and removed on dispose.
/// </summary>
public sealed class WorkbenchServer : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-workbench-").FullName;
    private IHost? host;
    private ParleyStore? store;

    public Chromium Chromium { get; } = new();

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        store = ParleyStore.Open(StoreLocation.Sqlite(Path.Combine(folder, "store.db")));
        host = ParleyServer.CreateHostBuilder(new ServerOptions { Port = 0, Store = store.Location }, store).Build();
        await host.StartAsync();
        Address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        await Chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        store?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
