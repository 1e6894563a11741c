using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Server;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley serve [--port N] [--host ADDR] [--token T] [--db PATH|postgres://...]</c>: the HTTP API
/// (docs/server.md) on loopback by default; any other address needs a token, generated and printed
/// when not given. Runs until Ctrl-C (or SIGTERM); jobs still working are then marked cancelled.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var defaults = new ServerOptions();
        var host = new Option<string>("--host") { Description = "The address to listen on; any other than loopback (127.0.0.1, ::1) requires a token.", DefaultValueFactory = _ => defaults.Host };
        var port = new Option<int>("--port", "-p") { Description = "The TCP port (0: any free port, printed at start).", DefaultValueFactory = _ => ServerOptions.DefaultPort };
        var token = new Option<string?>("--token") { Description = "Require 'Authorization: Bearer TOKEN' on every request (at least 16 characters). Beyond loopback one is generated and printed when not given." };
        var maxBody = new Option<long>("--max-body") { Description = "The largest request body in bytes (1 KiB to 64 MiB).", DefaultValueFactory = _ => defaults.MaxRequestBodyBytes };
        var requestTimeout = new Option<int>("--request-timeout") { Description = "Seconds a request may take (1-3600); long analyses run as jobs instead.", DefaultValueFactory = _ => (int)defaults.RequestTimeout.TotalSeconds };
        var jobTimeout = new Option<int>("--job-timeout") { Description = "Seconds a job may run before it is cancelled.", DefaultValueFactory = _ => (int)defaults.JobTimeout.TotalSeconds };
        var jobs = new Option<int>("--jobs") { Description = "Jobs that run at once (default: one per processor); the others wait their turn.", DefaultValueFactory = _ => defaults.MaxConcurrentJobs };
        var cors = new Option<string[]>("--cors") { Description = "An origin allowed to call the API from a browser (repeatable); none by default: no CORS headers are sent.", AllowMultipleArgumentsPerToken = false };
        var store = new StoreOptions("The Parley store runs and scenarios are kept in: an SQLite file or postgres://user:password@host:port/database (default: parley/parley.db in your data folder).");
        var command = new Command("serve", "Serve Parley's HTTP API: scenarios, runs as jobs with progress, results and reports (docs/server.md).");
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(token);
        store.AddTo(command, withSave: false);
        command.Options.Add(maxBody);
        command.Options.Add(requestTimeout);
        command.Options.Add(jobTimeout);
        command.Options.Add(jobs);
        command.Options.Add(cors);
        command.SetAction(parse =>
        {
            var options = new ServerOptions
            {
                Host = parse.GetValue(host) ?? defaults.Host,
                Port = parse.GetValue(port),
                Token = parse.GetValue(token),
                MaxRequestBodyBytes = parse.GetValue(maxBody),
                RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(requestTimeout)),
                JobTimeout = TimeSpan.FromSeconds(parse.GetValue(jobTimeout)),
                MaxConcurrentJobs = parse.GetValue(jobs),
                CorsOrigins = [.. parse.GetValue(cors) ?? []],
            };
            var problems = options.Problems();
            if (!problems.IsEmpty)
            {
                foreach (var problem in problems)
                {
                    console.Error.WriteLine($"parley: {problem}");
                }

                return ExitCodes.InvalidInput;
            }

            options = options.WithRequiredToken(out var generated);
            using var opened = store.Open(parse, console);
            if (opened is null)
            {
                return ExitCodes.InvalidInput;
            }

            using var server = ParleyServer.CreateHostBuilder(options with { Store = opened.Location }, opened).Build();
            try
            {
                server.StartAsync(console.Cancellation).GetAwaiter().GetResult();
            }
            catch (IOException error)
            {
                console.Error.WriteLine($"parley: cannot listen on {ParleyServer.Url(options)}: {error.Message.TrimEnd('.')}; choose another --port (or --port 0 for any free one)");
                return ExitCodes.InvalidInput;
            }

            var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ParleyServer.Url(options);
            console.Output.WriteLine($"Parley {Storage.ParleyStore.ParleyVersion} serving {address} (store {opened.Location.Display}); the workbench at {address}/, API docs at {address}/docs/, OpenAPI at {address}/openapi/v1.json");
            if (options.Token is { } required)
            {
                console.Output.WriteLine(generated
                    ? $"Listening beyond loopback: every request must carry 'Authorization: Bearer {required}' (a generated token; give --token to choose one)"
                    : "Every request must carry 'Authorization: Bearer TOKEN' (the --token given)");
            }

            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Limits: bodies up to {options.MaxRequestBodyBytes:N0} bytes, requests {options.RequestTimeout.TotalSeconds:0} s, jobs {options.JobTimeout.TotalSeconds:0} s ({options.MaxConcurrentJobs} at once); CORS {(options.CorsOrigins.IsEmpty ? "closed" : string.Join(", ", options.CorsOrigins))}. Ctrl-C stops."));
            console.Output.Flush();
            server.WaitForShutdownAsync(console.Cancellation).GetAwaiter().GetResult();
            return ExitCodes.Success;
        });
        return command;
    }
}
