namespace Parley.Core.Models;

/// <summary>A model option has a value the model cannot use. The message says what is allowed.</summary>
public sealed class ModelOptionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelOptionException()
    {
    }

    /// <summary>Creates the exception with a message that names the option and the allowed values.</summary>
    public ModelOptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ModelOptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
