using System.Collections.Immutable;
using Parley.Formats;

namespace Parley.Application;

/// <summary>
/// What a request gave: a value, or every problem that stopped it. Bad input is data, not an
/// exception: located problems in files are <see cref="Diagnostics"/>
/// (<c>file:line:column: message</c>), problems with the request itself are <see cref="Errors"/>,
/// whose messages name options as the command line spells them (<c>--rounds</c>, <c>--param</c>).
/// </summary>
/// <typeparam name="T">The value of a successful request.</typeparam>
public sealed record Outcome<T>
    where T : class
{
    private Outcome(T? value, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> errors)
    {
        Value = value;
        Diagnostics = diagnostics;
        Errors = errors;
    }

    /// <summary>The value; <c>null</c> when the request failed.</summary>
    public T? Value { get; }

    /// <summary>Located problems in the input files, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Problems with the request (options, values, combinations), each saying what is allowed.</summary>
    public ImmutableArray<string> Errors { get; }

    /// <summary>Whether the request succeeded.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>A successful outcome.</summary>
    public static Outcome<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, [], []);
    }

    /// <summary>A failure with located problems in files.</summary>
    public static Outcome<T> Invalid(IEnumerable<Diagnostic> diagnostics) => new(null, [.. diagnostics], []);

    /// <summary>A failure with problems in the request.</summary>
    public static Outcome<T> Invalid(params IEnumerable<string> errors) => new(null, [], [.. errors]);

    /// <summary>This failure as a failure of another type.</summary>
    public Outcome<TOther> As<TOther>()
        where TOther : class =>
        Succeeded
            ? throw new InvalidOperationException("A successful outcome has no problems to pass on.")
            : Outcome<TOther>.From(Diagnostics, Errors);

    private static Outcome<T> From(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> errors) => new(null, diagnostics, errors);
}
