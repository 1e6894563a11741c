using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Storage;
using Parley.Tests.Shared;
using Xunit.Abstractions;

namespace Parley.Server.Tests;

/// <summary>
/// 200 concurrent clients issuing forecast requests on the Alaska scenario against a real Kestrel
/// server on loopback: no 5xx, every run stored exactly once, completed, with the same result.
/// The suite sends 500 requests of the compromise model (the server's and the store's own cost), times
/// <c>PARLEY_PROPERTY_SCALE</c>; <c>PARLEY_LOAD_REQUESTS=10000</c> runs the issue's full count and <c>PARLEY_LOAD_MODELS=all</c>
/// every model (figures in docs/server.md). Throughput and latency are printed, never asserted.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Clients = 200;

    [Fact]
    public async Task ConcurrentForecasts_NoServerErrors_NoLostOrDuplicatedRuns()
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable("PARLEY_LOAD_REQUESTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : TestSize.Cases(500);
        var models = Environment.GetEnvironmentVariable("PARLEY_LOAD_MODELS") ?? "compromise";
        await using var server = await KestrelServer.StartAsync(new ServerOptions { RequestTimeout = TimeSpan.FromMinutes(10) });
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromMinutes(10),
        };
        var body = $"{{\"models\":\"{models}\"}}";
        var latencies = new double[requests];
        var statuses = new ConcurrentDictionary<int, int>();
        var ids = new ConcurrentBag<long>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/runs/forecast", new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    ids.Add((long)JsonNode.Parse(text)!["id"]!);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        Array.Sort(latencies);
        var throughput = requests / clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {requests:N0} forecast requests (models {models}) from {Clients} concurrent clients in {clock.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores: {throughput:0} requests/s, latency p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}"));

        Assert.Equal(requests, statuses.GetValueOrDefault(201));
        Assert.DoesNotContain(statuses.Keys, status => status >= 500);
        Assert.Equal(requests, ids.Distinct().Count());
        var stored = server.Store.ListRuns(requests + 10);
        Assert.Equal(requests, stored.Count);
        Assert.Equal(ids.Order(), stored.Select(r => r.Id).Order());
        Assert.All(stored, run => Assert.Equal(RunStatus.Completed, run.Status));
        var hashes = new HashSet<string?>();
        foreach (var id in ids.Order().Where((_, i) => i % Math.Max(1, requests / 200) == 0))
        {
            hashes.Add(server.Store.FindRun(id)!.ResultHash);
        }

        // The same request gives the same result, whatever the load.
        Assert.Single(hashes);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
