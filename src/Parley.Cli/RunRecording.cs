using System.Globalization;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// A run being recorded in the store: started as running; <see cref="Complete"/> stores the result
/// document in one transaction, <see cref="Run{T}"/> marks it failed or cancelled when the work throws.
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
