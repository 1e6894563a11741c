namespace Parley.Storage;

/// <summary>
/// The store cannot be used as asked: the location is not a Parley store, the database cannot be
/// reached, a run or version does not exist. The message says what is wrong and what to do, in the
/// form the CLI prints after <c>parley: </c>; nothing was changed.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>An error with a message for the user.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message for the user and the database error behind it.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An error without a message (for serializers); prefer the other constructors.</summary>
    public StoreException()
    {
    }
}
