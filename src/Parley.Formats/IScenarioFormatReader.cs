namespace Parley.Formats;

/// <summary>Reads one scenario file format. Readers are stateless and thread-safe.</summary>
public interface IScenarioFormatReader
{
    /// <summary>The format this reader reads.</summary>
    ScenarioFormat Format { get; }

    /// <summary>
    /// Whether <paramref name="text"/> looks like this format, judged by content (the file name
    /// only breaks ties): used to detect a file's format when the user does not name it.
    /// </summary>
    bool Recognizes(string text, string fileName);

    /// <summary>Reads <paramref name="text"/>, reporting problems located in <paramref name="fileName"/>.</summary>
    ReadResult Read(string text, string fileName);
}
