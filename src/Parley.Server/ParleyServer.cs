using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Core.Models;
using Parley.Reports;
using Parley.Server.Workbench;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// <c>parley serve</c>: Parley's HTTP API over the application layer and the Parley store
/// (docs/server.md). The OpenAPI document is at <c>/openapi/v1.json</c> and a browsable page that
/// works offline at <c>/docs</c>. Every error is an RFC 9457 problem details document.
/// </summary>
public static class ParleyServer
{
    /// <summary>The most values a multipart form may hold (parts and their headers' names).</summary>
    internal const int FormValueLimit = 64;

    /// <summary>
    /// The host of a server with <paramref name="options"/> on <paramref name="store"/> (which the caller
    /// opened and disposes after the host): Kestrel on <see cref="ServerOptions.Host"/>:<see cref="ServerOptions.Port"/>.
    /// </summary>
    public static IHostBuilder CreateHostBuilder(ServerOptions options, ParleyStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        return new HostBuilder()
            // The host's own errors are start-up failures, which reach the caller as exceptions (`parley serve` says
            // "cannot listen on …" in one line); logged as well, they printed a stack trace first. Its critical
            // messages (a background service stopping the host) stay.
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical))
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = false;
                    kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
                    kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
                })
                .UseUrls(Url(options))
                .ConfigureServices(services => ConfigureServices(services, options, store))
                .Configure(Configure));
    }

    /// <summary>The URL Kestrel listens on.</summary>
    public static string Url(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = options.Host.Contains(':', StringComparison.Ordinal) && !options.Host.StartsWith('[') ? $"[{options.Host}]" : options.Host;
        return string.Create(CultureInfo.InvariantCulture, $"http://{host}:{options.Port}");
    }

    private static void ConfigureServices(IServiceCollection services, ServerOptions options, ParleyStore store)
    {
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton<RunService>();
        services.AddRouting();

        // A query value that does not parse (limit=abc) throws, so WriteError names the parameter instead of a bare 400.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            ApiJson.Configure(json.SerializerOptions);

            // As the bodies are read (ApiJson.Request): numbers as numbers, which the OpenAPI schema then says too.
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = options.MaxRequestBodyBytes;
            form.ValueCountLimit = FormValueLimit;
        });
        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: "urn:parley:problem:timeout",
                title: "Request time limit",
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"the request took longer than the server's time limit of {options.RequestTimeout.TotalSeconds:0} s; start long analyses as jobs (POST /runs/KIND?mode=job) or start the server with a larger --request-timeout")).ExecuteAsync(context),
        });
        if (!options.CorsOrigins.IsEmpty)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. options.CorsOrigins])
                .WithHeaders("Authorization", "Content-Type")
                .WithMethods("GET", "POST", "DELETE")
                .WithExposedHeaders("Location")));
        }

        services.AddOpenApi("v1", openApi =>
        {
            openApi.AddDocumentTransformer((document, context, token) =>
            {
                document.Info.Title = "Parley API";
                document.Info.Version = ParleyStore.ParleyVersion;
                document.Info.Description = "Forecast multi-party negotiations with the established models of political science; store scenario versions and runs. See docs/server.md.";
                return ModelSchemas.DocumentTransformer(document, context, token);
            });
            openApi.AddSchemaTransformer(ModelSchemas.ParametersTransformer);
        });
    }

    private static void Configure(IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<ServerOptions>();
        var service = app.ApplicationServices.GetRequiredService<RunService>();
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => service.StopAll(TimeSpan.FromSeconds(10)));

        app.UseMiddleware<TokenAuthentication>();
        app.UseMiddleware<CrossSiteGuard>();
        app.Use(AnswerHeadAsGet);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = error => error switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                StoreException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = WriteError,

            // The client's bad request and an unreachable store are not faults of Parley's: WriteError logs the store's in one line, no trace.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or StoreException,
        });
        app.UseStatusCodePages(async status =>
        {
            var http = status.HttpContext;
            var answer = http.Response.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(http.Request),
                StatusCodes.Status404NotFound => ApiProblems.NotFound(
                    $"there is nothing at {http.Request.Method} {http.Request.Path}; run ids and version numbers are whole numbers (GET /runs, GET /scenarios list them), and /docs/ lists the endpoints"),
                _ => Results.Problem(statusCode: http.Response.StatusCode),
            };
            await answer.ExecuteAsync(http).ConfigureAwait(false);
        });
        if (!options.CorsOrigins.IsEmpty)
        {
            app.UseCors();
        }

        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.DocumentTitle = "Parley API";
            ui.SwaggerEndpoint("/openapi/v1.json", "Parley API v1");
        });
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi();
            WorkbenchEndpoints.Map(endpoints);
            endpoints.MapGet("/health", Health)
                .WithTags("Server").WithSummary("Whether the server and its store answer (503 with the store's error when the store cannot be read), its version and its store");
            MapModels(endpoints);
            ScenarioEndpoints.Map(endpoints);
            RunEndpoints.Map(endpoints);
        });
    }

    /// <summary>
    /// HEAD wherever GET works (RFC 9110 §9.1: monitors and link checkers use it): the GET's status and
    /// headers without its body. Not for an event stream, which would never end.
    /// </summary>
    private static async Task AnswerHeadAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method) || context.Request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }

    /// <summary>A query value that did not bind, said as a user reads it: the parameter, the value and what is allowed.</summary>
    private static string BindingProblem(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"(?<type>[^\"]*) (?<name>[A-Za-z_]+)\" from \"(?<value>.*)\"[.]?$");
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var allowed = type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase)
            ? "a whole number (within the range the parameter allows)"
            : $"a {type}";
        return $"{match.Groups["name"].Value}: '{match.Groups["value"].Value}' is not allowed; give {allowed} (once)";
    }

    /// <summary>A 415 that says which types the endpoint takes.</summary>
    internal static IResult UnsupportedMediaType(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var allowed = path.StartsWith("/runs", StringComparison.Ordinal) ? "send a run's body as application/json"
            : path.StartsWith("/scenarios/upload", StringComparison.Ordinal) || path.EndsWith("/matrix", StringComparison.Ordinal) ? "send the file as multipart/form-data with a part named 'file'"
            : $"send the scenario as one of {string.Join(", ", ScenarioEndpoints.BodyTypes)} (the format is read from the content or ?format=)";
        var given = string.IsNullOrWhiteSpace(request.ContentType) ? "a body without a Content-Type" : $"Content-Type '{request.ContentType}'";
        return Results.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            type: "urn:parley:problem:unsupported-media-type",
            title: "Unsupported media type",
            detail: $"{request.Method} {path} does not take {given}; {allowed}");
    }

    /// <summary><c>GET /health</c>: 200 when the store answers a read; 503 with its error when it does not, so a monitor can trust it.</summary>
    private static IResult Health(ParleyStore store)
    {
        try
        {
            store.ListRuns(1);
            return Results.Json(new { Status = "ok", Version = ParleyStore.ParleyVersion, Store = store.Location.Display }, ApiJson.Response);
        }
        catch (StoreException error)
        {
            return Results.Json(
                new { Status = "unavailable", Version = ParleyStore.ParleyVersion, Store = store.Location.Display, Error = $"the store cannot be read: {error.Message}" },
                ApiJson.Response,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static void MapModels(IEndpointRouteBuilder endpoints)
    {
        var models = endpoints.MapGroup("/models").WithTags("Models");
        models.MapGet("/", () => Results.Text(ModelsDocument.ToJson(ModelCatalog.All), "application/json", Encoding.UTF8))
            .WithSummary("Every model with its citation and its options (type, range, default): the descriptions requests are checked against")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        models.MapGet("/{id}", (string id) => ModelCatalog.Find(id) is { } model
                ? Results.Text(ModelsDocument.ToJson([model]), "application/json", Encoding.UTF8)
                : ApiProblems.NotFound($"there is no model '{id}'; the models are {ModelCatalog.Ids}"))
            .WithSummary("One model and its options").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>An exception as problem details: the store's message for a store that failed, never a stack trace.</summary>
    private static async Task WriteError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // A chunked body over the limit is caught by Kestrel while it is read: the same answer as a Content-Length over it.
            await RequestBody.TooLarge(context.RequestServices.GetRequiredService<ServerOptions>().MaxRequestBodyBytes).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (error is StoreException storeError)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Server.Store")
                .LogWarning("{Method} {Path}: the store failed: {Error}", context.Request.Method, context.Request.Path, storeError.Message);
        }

        var (title, detail) = error switch
        {
            BadHttpRequestException bad => ("Bad request", BindingProblem(bad.Message)),
            StoreException store => ("The store failed", store.Message),
            _ => ("Internal server error", "the server failed on this request; it is logged. The request's input was accepted, so this is Parley's fault: please report it"),
        };
        await Results.Problem(statusCode: context.Response.StatusCode, title: title, detail: detail).ExecuteAsync(context).ConfigureAwait(false);
    }
}
