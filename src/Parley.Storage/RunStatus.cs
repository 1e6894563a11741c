namespace Parley.Storage;

/// <summary>Where a recorded run stands.</summary>
public enum RunStatus
{
    /// <summary>Started and not yet finished (or its process died: the next open of the store marks it <see cref="Failed"/>).</summary>
    Running,

    /// <summary>Finished; its result document is stored.</summary>
    Completed,

    /// <summary>Stopped by an error, or its process ended before it finished.</summary>
    Failed,

    /// <summary>Stopped by the user (Ctrl-C).</summary>
    Cancelled,
}
