using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Parley.Application;
using Parley.Formats;

namespace Parley.Server;

/// <summary>
/// The API's errors as RFC 9457 problem details (<c>application/problem+json</c>). Bad input keeps
/// its located diagnostics as data: <c>diagnostics: [{file, line, column, message}]</c> (with <c>sheet</c> and <c>cell</c> for a workbook's cells), and
/// problems with the request itself as <c>errors: [message]</c>.
/// </summary>
internal static class ApiProblems
{
    /// <summary>The problem type of invalid input (a scenario, an option, a body).</summary>
    public const string InvalidInput = "urn:parley:problem:invalid-input";

    /// <summary>A 400 for <paramref name="outcome"/>'s problems.</summary>
    public static IResult Invalid<T>(Outcome<T> outcome)
        where T : class =>
        Invalid(outcome.Diagnostics, outcome.Errors);

    /// <summary>A 400 listing located <paramref name="diagnostics"/> and request <paramref name="errors"/>.</summary>
    public static IResult Invalid(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> errors)
    {
        var count = DiagnosticList.CountProblems(diagnostics) + errors.Length;
        var first = diagnostics.IsEmpty ? errors.FirstOrDefault() : diagnostics[0].ToString();
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            type: InvalidInput,
            title: "The request's input is invalid",
            detail: count == 1 ? first : $"{count} problems found; the first: {first}",
            extensions: new Dictionary<string, object?>
            {
                ["diagnostics"] = diagnostics.Select(d => new DiagnosticBody(d.File, d.Line, d.Column, d.Message) { Sheet = d.Sheet, Cell = d.Cell }).ToArray(),
                ["errors"] = errors.ToArray(),
            });
    }

    /// <summary>A 400 with request errors only.</summary>
    public static IResult Invalid(params string[] errors) => Invalid([], [.. errors]);

    /// <summary>A 404: <paramref name="what"/> does not exist.</summary>
    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: "urn:parley:problem:not-found", title: "Not found", detail: what);

    /// <summary>A 409: the resource is not in a state that allows the request.</summary>
    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, type: "urn:parley:problem:conflict", title: "Conflict", detail: detail);

    /// <summary>A 503: the store could not be used, or the server is stopping.</summary>
    public static IResult Unavailable(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: "urn:parley:problem:unavailable", title: "Service unavailable", detail: detail);

    /// <summary>One located problem in an input file.</summary>
    /// <param name="File">The file's name as the request gave it (never a path on the server).</param>
    /// <param name="Line">1-based line.</param>
    /// <param name="Column">1-based column.</param>
    /// <param name="Message">What is wrong and what is allowed.</param>
    internal sealed record DiagnosticBody(string File, int Line, int Column, string Message)
    {
        /// <summary>The workbook sheet, for a problem in an .xlsx workbook (then line is the row and column the column number); left out otherwise.</summary>
        public string? Sheet { get; init; }

        /// <summary>The cell in A1 notation (<c>C7</c>), with <see cref="Sheet"/>; left out otherwise.</summary>
        public string? Cell { get; init; }
    }
}
