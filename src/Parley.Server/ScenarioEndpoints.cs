using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Parley.Application;
using Parley.Formats;
using Parley.Formats.Native;
using Parley.Formats.Sheets;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// <c>/scenarios</c>: save a scenario (a body in any supported format, or a multipart upload) as a new
/// version, list scenarios, read a version, list the versions, diff two versions, and export and import
/// the stance matrix as an .xlsx workbook or CSV.
/// </summary>
internal static class ScenarioEndpoints
{
    /// <summary>The content types a scenario body may be sent as; the format is read from the content (or <c>?format=</c>), not from the type.</summary>
    internal static readonly string[] BodyTypes =
    [
        "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/csv",
        "text/tab-separated-values", "application/xml", "text/xml", "text/plain", "application/octet-stream",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        var scenarios = app.MapGroup("/scenarios").WithTags("Scenarios").AddEndpointFilterFactory(DecodeSlashInName);
        scenarios.MapPost("/", Create)
            .WithSummary("Save a scenario sent as the body (YAML, JSON, KTAB CSV/XML, Decide, BDM, DEU): a new version when it changed")
            .Accepts<string>(BodyTypes[0], BodyTypes[1..])
            .Produces<ScenarioVersionView>(StatusCodes.Status201Created).Produces<ScenarioVersionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        scenarios.MapPost("/upload", Upload)
            .WithSummary("Save an uploaded scenario file (multipart/form-data: file, and optionally format, message, proposal)")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ScenarioVersionView>(StatusCodes.Status201Created).Produces<ScenarioVersionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        scenarios.MapGet("/", (ParleyStore store) => Results.Json(store.ListScenarios(), ApiJson.Response))
            .WithSummary("Every scenario with its number of versions and runs").Produces<ScenarioSummary[]>();
        scenarios.MapGet("/{name}", (string name, ParleyStore store) => Version(store, name))
            .WithSummary("The latest version of a scenario, with its text").Produces<ScenarioVersionView>().ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapGet("/{name}/versions", History)
            .WithSummary("Every version of a scenario, oldest first (without their texts)").Produces<ScenarioVersionView[]>().ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapGet("/{name}/versions/{version:int}", (string name, int version, ParleyStore store) => Version(store, $"{name}@{version.ToString(CultureInfo.InvariantCulture)}"))
            .WithSummary("One version of a scenario, with its text").Produces<ScenarioVersionView>().ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapGet("/{name}/matrix.xlsx", (string name, int? version, ParleyStore store) => Matrix(store, name, version, xlsx: true))
            .WithSummary("The stance matrix of the latest version (or ?version=N) as an .xlsx workbook: every part of the scenario in sheets (docs/spreadsheets.md)")
            .Produces(StatusCodes.Status200OK, contentType: SpreadsheetFiles.XlsxMediaType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapGet("/{name}/matrix.csv", (string name, int? version, ParleyStore store) => Matrix(store, name, version, xlsx: false))
            .WithSummary("The stance matrix of the latest version (or ?version=N) as CSV: one row per actor and issue (docs/spreadsheets.md)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapPost("/{name}/matrix", ImportMatrix)
            .WithSummary("Import a stance matrix (multipart/form-data: file, an .xlsx workbook or a matrix CSV; optionally message) into the scenario as a new version; bad cells give 400 with each cell located (sheet, cell)")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ScenarioVersionView>(StatusCodes.Status201Created).Produces<ScenarioVersionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        scenarios.MapGet("/{name}/diff", Diff)
            .WithSummary("What changed between two versions (?from=N&to=M): actors, issues, stances, evidence, stages")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// A scenario's name may hold a '/' (a KTAB title such as "China Policy/Competitive" names its scenario), which the
    /// links this API returns escape as %2F; the server leaves %2F undecoded in a path so that it is not taken for a
    /// separator, so the handlers' <c>name</c> is decoded here, or the link the API gave would answer 404.
    /// </summary>
    private static EndpointFilterDelegate DecodeSlashInName(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var at = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.Name == "name" && p.ParameterType == typeof(string));
        return at < 0 ? next : invocation =>
        {
            if (invocation.Arguments[at] is string name && name.Contains('%', StringComparison.Ordinal))
            {
                invocation.Arguments[at] = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            }

            return next(invocation);
        };
    }

    private static async Task<IResult> Create(HttpContext context, ParleyStore store, ServerOptions options, string? format, [FromQuery(Name = "file_name")] string? fileName, string? message, string? proposal)
    {
        var name = fileName ?? DefaultName(context.Request.ContentType);
        var (text, problem) = await RequestBody.ReadTextAsync(context.Request, options.MaxRequestBodyBytes, ScenarioSources.DisplayName(name), context.RequestAborted).ConfigureAwait(false);
        return text is null ? problem! : Save(context, store, text, name, format, message, proposal, fileName is not null, "file_name");
    }

    private static async Task<IResult> Upload(HttpContext context, ParleyStore store, ServerOptions options)
    {
        var (form, file, problem) = await ReadUploadAsync(context, options, "send the file as multipart/form-data with a part named 'file'; or POST the file's text to /scenarios", "the scenario file").ConfigureAwait(false);
        if (file is null)
        {
            return problem!;
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        var uploadName = ScenarioSources.DisplayName(file.FileName);
        if (SpreadsheetFiles.IsWorkbook(bytes, uploadName))
        {
            // A store keeps text: a whole-scenario workbook is kept as the native YAML of the scenario it holds, as the CLI keeps it.
            var workbook = SpreadsheetFiles.ReadWorkbook(bytes, uploadName);
            if (workbook.Scenario is not { } fromWorkbook)
            {
                return ApiProblems.Invalid(workbook.Diagnostics, []);
            }

            return Save(context, store, NativeScenarioWriter.ToYaml(fromWorkbook), Path.ChangeExtension(uploadName, ".yaml"), "yaml", form!["message"].FirstOrDefault(), null, true, "the upload's file name");
        }

        // Decoded as a file is: a file that is not UTF-8 is refused where it stops being UTF-8, not stored with U+FFFD in its place.
        var (text, decodeProblem) = InputText.Decode(bytes, ScenarioSources.DisplayName(file.FileName));
        if (text is null)
        {
            return ApiProblems.Invalid([decodeProblem!], []);
        }

        return Save(context, store, text, file.FileName, form!["format"].FirstOrDefault(), form!["message"].FirstOrDefault(), form!["proposal"].FirstOrDefault(),
            !string.IsNullOrWhiteSpace(file.FileName), "the upload's file name");
    }

    /// <summary>The form and its part <c>file</c> of a multipart upload within the body limit, or the 400/413 problem.</summary>
    private static async Task<(IFormCollection? Form, IFormFile? File, IResult? Problem)> ReadUploadAsync(HttpContext context, ServerOptions options, string notAForm, string part)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, null, ApiProblems.Invalid(notAForm));
        }

        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            var (_, tooLarge) = await RequestBody.ReadTextAsync(context.Request, options.MaxRequestBodyBytes, RequestBody.Name, context.RequestAborted).ConfigureAwait(false);
            return (null, null, tooLarge);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception error) when (FormProblem(error, options) is { } formProblem)
        {
            return (null, null, formProblem);
        }

        return form.Files.GetFile("file") is { } file
            ? (form, file, null)
            : (form, null, ApiProblems.Invalid($"the form has no part named 'file'; send {part} as 'file'"));
    }

    /// <summary>The 400/413 for a form that cannot be read (the client's input, never Parley's fault), or <c>null</c> for another error.</summary>
    private static IResult? FormProblem(Exception error, ServerOptions options) => error switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => RequestBody.TooLarge(options.MaxRequestBodyBytes),
        InvalidDataException when error.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) => RequestBody.TooLarge(options.MaxRequestBodyBytes),
        InvalidDataException when error.Message.Contains("value count limit", StringComparison.OrdinalIgnoreCase) => Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            type: "urn:parley:problem:too-large",
            title: "Too many form values",
            detail: string.Create(CultureInfo.InvariantCulture, $"the form has more than {ParleyServer.FormValueLimit} values; send the part 'file' and only the few named parts the endpoint takes (format, message, proposal)")),
        InvalidDataException when error.Message.Contains("boundary", StringComparison.OrdinalIgnoreCase) =>
            ApiProblems.Invalid("the multipart body has no boundary: send Content-Type: multipart/form-data; boundary=B, with the parts separated by --B lines (as curl -F or a browser's FormData do)"),
        InvalidDataException => ApiProblems.Invalid($"the multipart form cannot be read ({error.Message.TrimEnd('.')}); send it as curl -F or a browser's FormData do"),
        IOException => ApiProblems.Invalid("the multipart form is cut short: the body ends before its closing boundary line (--B--); send the whole form"),
        _ => null,
    };

    private static IResult Save(HttpContext context, ParleyStore store, string text, string? fileName, string? format, string? message, string? proposal, bool fileNameGiven, string fileNameField)
    {
        var source = ScenarioSource.FromText(text, ScenarioSources.DisplayName(fileName), format) with { Proposal = proposal };
        var loaded = ScenarioLoader.Load(source);
        if (loaded.Value is not { } scenario)
        {
            return ApiProblems.Invalid(loaded);
        }

        var file = ScenarioSources.Text(source);
        var snapshot = new ScenarioSnapshot(scenario, file.Text, file.FileName, file.Format);
        if (ScenarioSources.Unnamed(snapshot, fileNameGiven, fileNameField) is { } unnamed)
        {
            return unnamed;
        }

        var saved = store.SaveScenario(snapshot, message);
        var view = ScenarioVersionView.From(saved.Version, withContent: false) with { Created = saved.Created };
        context.Response.Headers.Location = view.Link;
        return Results.Json(view, ApiJson.Response, statusCode: saved.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Matrix(ParleyStore store, string name, int? version, bool xlsx)
    {
        if (version is < 1)
        {
            return ApiProblems.Invalid("version must be a whole number from 1; leave it out for the latest version");
        }

        var reference = version is { } number ? $"{name}@{number.ToString(CultureInfo.InvariantCulture)}" : name;
        var (found, problem) = ScenarioSources.FindVersion(store, reference);
        if (found is null)
        {
            return problem!;
        }

        var scenario = found.ToScenario();
        var download = $"{ScenarioSources.DisplayName(found.Name)}-v{found.Version.ToString(CultureInfo.InvariantCulture)}";
        return xlsx
            ? Results.File(SpreadsheetFiles.ToXlsx(scenario), SpreadsheetFiles.XlsxMediaType, download + ".xlsx")
            : Results.File(System.Text.Encoding.UTF8.GetBytes(SpreadsheetFiles.ToCsv(scenario)), "text/csv; charset=utf-8", download + ".csv");
    }

    /// <summary>
    /// Imports an uploaded matrix into the latest version of <paramref name="name"/>: a workbook's sheets
    /// replace the parts they hold, a CSV updates the stances, capabilities and scales it names; the result
    /// is saved as native YAML, a new version when it changed.
    /// </summary>
    private static async Task<IResult> ImportMatrix(string name, HttpContext context, ParleyStore store, ServerOptions options)
    {
        var (form, file, uploadProblem) = await ReadUploadAsync(context, options, "send the matrix (an .xlsx workbook or a matrix CSV) as multipart/form-data with a part named 'file'", "the .xlsx workbook or matrix CSV").ConfigureAwait(false);
        if (file is null)
        {
            return uploadProblem!;
        }

        var (latest, problem) = ScenarioSources.FindVersion(store, name);
        if (latest is null)
        {
            return problem!;
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        var fileName = ScenarioSources.DisplayName(file.FileName);
        var baseline = latest.ToScenario();
        ReadResult result;
        if (SpreadsheetFiles.IsWorkbook(bytes, fileName))
        {
            result = SpreadsheetFiles.ReadWorkbook(bytes, fileName, baseline);
        }
        else
        {
            var (text, decodeProblem) = InputText.Decode(bytes, fileName);
            result = text is null ? ReadResult.Failure([decodeProblem!]) : SpreadsheetFiles.ReadCsv(text, fileName, baseline);
        }

        if (result.Scenario is not { } scenario)
        {
            return ApiProblems.Invalid(result.Diagnostics, []);
        }

        if (scenario.IsDraft)
        {
            return ApiProblems.Invalid(result.OpenJudgements, [$"the matrix leaves {result.OpenJudgements.Length} judgement(s) open (empty positions or saliences); fill them in before importing"]);
        }

        var yaml = NativeScenarioWriter.ToYaml(scenario);
        var message = form!["message"].FirstOrDefault() ?? $"imported {fileName}";
        var snapshot = new ScenarioSnapshot(scenario, yaml, Path.ChangeExtension(latest.FileName, ".yaml"), "yaml");
        if (snapshot.Hash == latest.Hash)
        {
            // The matrix changes nothing: the latest version stays, rather than a copy in another text.
            return Results.Json(ScenarioVersionView.From(latest, withContent: false) with { Created = false }, ApiJson.Response);
        }

        var saved = store.SaveScenario(snapshot, message);
        var view = ScenarioVersionView.From(saved.Version, withContent: false) with { Created = saved.Created };
        context.Response.Headers.Location = view.Link;
        return Results.Json(view, ApiJson.Response, statusCode: saved.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Version(ParleyStore store, string reference)
    {
        var (version, problem) = ScenarioSources.FindVersion(store, reference);
        return version is null ? problem! : Results.Json(ScenarioVersionView.From(version, withContent: true), ApiJson.Response);
    }

    private static IResult History(string name, ParleyStore store)
    {
        var history = store.History(name);
        return history.Count == 0
            ? ApiProblems.NotFound($"no scenario '{name}' in the store; GET /scenarios lists them")
            : Results.Json(history.Select(v => ScenarioVersionView.From(v, withContent: false)).ToArray(), ApiJson.Response);
    }

    private static IResult Diff(string name, int? from, int? to, ParleyStore store)
    {
        if (from is null || to is null)
        {
            return ApiProblems.Invalid("give both versions: ?from=N&to=M");
        }

        var (older, problemA) = ScenarioSources.FindVersion(store, $"{name}@{from.Value.ToString(CultureInfo.InvariantCulture)}");
        if (older is null)
        {
            return problemA!;
        }

        var (newer, problemB) = ScenarioSources.FindVersion(store, $"{name}@{to.Value.ToString(CultureInfo.InvariantCulture)}");
        if (newer is null)
        {
            return problemB!;
        }

        var changes = older.Hash == newer.Hash ? [] : ScenarioDiff.Between(older.ToScenario(), newer.ToScenario());
        return Results.Json(new
        {
            From = older.Reference,
            To = newer.Reference,
            SameData = older.Hash == newer.Hash,
            SameText = older.Content == newer.Content,
            Changes = changes,
        }, ApiJson.Response);
    }

    /// <summary>A name for a body without one, with the extension its content type suggests (detection still reads the content).</summary>
    private static string DefaultName(string? contentType) => (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/json" => "scenario.json",
        "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => "scenario.yaml",
        "text/csv" => "scenario.csv",
        "application/xml" or "text/xml" => "scenario.xml",
        _ => "scenario",
    };
}

/// <summary>A scenario version as the API shows it.</summary>
internal sealed record ScenarioVersionView(string Name, int Version, int? Parent, string Reference, string Hash, string FileName, string Format, string? Message, DateTimeOffset CreatedAt, string Link)
{
    /// <summary>Whether this request added the version (false: the latest already held exactly this file).</summary>
    public bool? Created { get; init; }

    /// <summary>The file's text as saved.</summary>
    public string? Content { get; init; }

    public static ScenarioVersionView From(ScenarioVersion version, bool withContent) => new(
        version.Name, version.Version, version.ParentVersion, version.Reference, version.Hash, version.FileName, version.Format, version.Message, version.CreatedAt,
        $"/scenarios/{Uri.EscapeDataString(version.Name)}/versions/{version.Version.ToString(CultureInfo.InvariantCulture)}")
    {
        Content = withContent ? version.Content : null,
    };
}
