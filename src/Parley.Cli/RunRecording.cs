using System.Globalization;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// A run being recorded in the store: started as running; <see cref="Complete"/> stores the result
/// document in one transaction, <see cref="Run{T}(Func{T})"/> marks it failed or cancelled when the work throws.
/// </summary>
internal sealed class RunRecording : IDisposable
{
    private readonly ParleyStore store;
    private readonly CliConsole console;

    public RunRecording(ParleyStore store, long id, CliConsole console)
    {
        this.store = store;
        this.console = console;
        Id = id;
    }

    public long Id { get; }

    /// <summary>Runs <paramref name="work"/>; if it throws, the run is marked cancelled (Ctrl-C) or failed, and the error goes on.</summary>
    public T Run<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (OperationCanceledException)
        {
            End(RunStatus.Cancelled, "cancelled (Ctrl-C)");
            throw;
        }
        catch (Exception error)
        {
            End(RunStatus.Failed, error.Message);
            throw;
        }
    }

    /// <summary>Stores <paramref name="document"/> as the run's result; <c>false</c> after printing why the store refused.</summary>
    public bool Complete(string document)
    {
        try
        {
            store.CompleteRun(Id, document);
            return true;
        }
        catch (StoreException error)
        {
            console.Error.WriteLine($"parley: cannot record the result of run {Id.ToString(CultureInfo.InvariantCulture)}: {error.Message}");
            return false;
        }
    }

    /// <summary>The line that tells the user where the run went.</summary>
    public string Saved => string.Create(CultureInfo.InvariantCulture, $"Saved run {Id} in {store.Location.Display} (parley runs show {Id})");

    public void Dispose() => store.Dispose();

    /// <summary>Runs <paramref name="work"/>, through <paramref name="recording"/> when the run is saved.</summary>
    public static T Run<T>(RunRecording? recording, Func<T> work) => recording is null ? work() : recording.Run(work);

    /// <summary>
    /// The JSON document: printed with <c>--json</c>, stored as the result of a saved run (the same
    /// bytes). A <paramref name="partial"/> result (Ctrl-C) marks the run cancelled instead.
    /// <c>false</c> after printing why the store refused it.
    /// </summary>
    public static bool Emit(CliConsole console, RunRecording? recording, bool wantsJson, Action<TextWriter> write, bool partial = false)
    {
        if (recording is null)
        {
            if (wantsJson)
            {
                write(console.Output);
            }

            return true;
        }

        using var text = new StringWriter();
        write(text);
        var document = text.ToString();
        if (partial)
        {
            recording.End(RunStatus.Cancelled, "cancelled (Ctrl-C); the partial result was not kept");
        }
        else if (!recording.Complete(document))
        {
            return false;
        }

        if (wantsJson)
        {
            console.Output.Write(document);
        }

        return true;
    }

    /// <summary>Says where a saved run went: on standard output under tables, on standard error beside JSON.</summary>
    public static void Announce(CliConsole console, RunRecording? recording, bool wantsJson)
    {
        if (recording is not null)
        {
            (wantsJson ? console.Error : console.Output).WriteLine(recording.Saved);
        }
    }

    private void End(RunStatus status, string reason)
    {
        try
        {
            store.EndRun(Id, status, reason);
        }
        catch (StoreException error)
        {
            console.Error.WriteLine($"parley: cannot mark run {Id.ToString(CultureInfo.InvariantCulture)} {ParleyStore.StatusName(status)}: {error.Message}");
        }
    }
}
