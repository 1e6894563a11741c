using System.Globalization;
using System.Text;

namespace Parley.Formats;

/// <summary>
/// Turns an input file into text for the readers, with bounded resources: the size is checked
/// while reading (so <c>/dev/zero</c> stops at the limit instead of filling memory), the
/// encoding is taken from a byte-order mark (UTF-8, UTF-16, UTF-32) and UTF-16/32 without one is
/// recognised and refused with a message saying so, and a directory, a missing file and an
/// unreadable file each get their own message.
/// </summary>
public static class InputText
{
    /// <summary>The largest input file read by default: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The longest line a line-based reader (CSV, Decide, DEU) accepts: 1 MiB of characters.</summary>
    public const int MaxLineLength = 1024 * 1024;

    /// <summary>
    /// Reads the file at <paramref name="path"/> as text, or gives the one problem that stops it
    /// (located at 1:1, or at the offending line for encoding problems).
    /// </summary>
    /// <param name="path">The file, as the user named it (used in the diagnostic).</param>
    /// <param name="maxBytes">The size limit in bytes; a larger file is refused.</param>
    public static (string? Text, Diagnostic? Problem) ReadFile(string path, long maxBytes = DefaultMaxBytes)
    {
        var (bytes, problem) = ReadBytes(path, maxBytes);
        return bytes is null ? (null, problem) : Decode(bytes, path);
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/> as bytes (for binary formats such as xlsx), or gives
    /// the one problem that stops it, with the same size limit and messages as <see cref="ReadFile"/>.
    /// </summary>
    /// <param name="path">The file, as the user named it (used in the diagnostic).</param>
    /// <param name="maxBytes">The size limit in bytes; a larger file is refused.</param>
    public static (byte[]? Bytes, Diagnostic? Problem) ReadBytes(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Diagnostic Fail(string message) => new(path, 1, 1, message);

        if (path.Length == 0)
        {
            return (null, Fail("no file name given; give a scenario file"));
        }

        if (Directory.Exists(path))
        {
            return (null, Fail($"'{Excerpt.Of(path)}' is a directory, not a file; give a scenario file"));
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            var bytes = ReadBounded(stream, maxBytes, out var tooLarge);
            return tooLarge
                ? (null, Fail($"the file is larger than {DescribeSize(maxBytes)}, the limit for input files; a scenario file is far smaller (is this the right file?)"))
                : (bytes, null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return (null, Fail(error switch
            {
                FileNotFoundException => "cannot read the file: no such file; check the path",
                DirectoryNotFoundException => "cannot read the file: no such file (a folder on the path does not exist); check the path",
                UnauthorizedAccessException => "cannot read the file: permission denied; check its permissions",
                PathTooLongException => "the path is too long",
                _ => $"cannot read the file: {error.Message}",
            }));
        }
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>: by their byte-order mark when there is one (UTF-8,
    /// UTF-16 or UTF-32, either byte order), else as UTF-8. UTF-16 or UTF-32 without a mark is
    /// recognised by its NUL bytes and refused, as is any other text holding NUL bytes. UTF-8 is
    /// decoded strictly: a byte that is not UTF-8 (a Latin-1 or Windows-1252 <c>é</c>, say) is
    /// refused at its line and column rather than turned into U+FFFD, which would change an id or
    /// a name without a word and let <c>convert</c> write the change into a new file.
    /// </summary>
    public static (string? Text, Diagnostic? Problem) Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            // The mark is not a character the user sees: lines and columns count from after it.
            bytes = bytes[3..];
        }
        else if (Bom(bytes) is { } marked)
        {
            try
            {
                return (marked.Encoding.GetString(bytes[marked.Length..]), null);
            }
            catch (DecoderFallbackException)
            {
                return (null, new Diagnostic(fileName, 1, 1, $"the file starts with a {marked.Name} byte-order mark but is not valid {marked.Name}; save it as UTF-8"));
            }
        }
        else if (UnmarkedWideEncoding(bytes) is { } wide)
        {
            return (null, new Diagnostic(fileName, 1, 1, $"the file is {wide} without a byte-order mark; save it as UTF-8"));
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = LineAndColumn(bytes, nul);
            return (null, new Diagnostic(fileName, line, column, "the file holds a NUL byte here, so it is binary, not text; a scenario file is text (UTF-8)"));
        }

        if (FirstInvalidUtf8(bytes) is var invalid && invalid >= 0)
        {
            var (line, column) = LineAndColumn(bytes, invalid);
            var value = bytes[invalid];
            var asLatin1 = value >= 0xA0 ? $" ('{(char)value}' in Latin-1 or Windows-1252)" : string.Empty;
            return (null, new Diagnostic(fileName, line, column, string.Create(CultureInfo.InvariantCulture,
                $"the file is not UTF-8 here: byte 0x{value:X2}{asLatin1} is not valid UTF-8; save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\", an editor's encoding \"UTF-8\")")));
        }

        return (Encoding.UTF8.GetString(bytes), null);
    }

    /// <summary>The index of the first byte of <paramref name="bytes"/> that does not begin a valid UTF-8 sequence, or -1 when all are UTF-8.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <summary>
    /// The line and column (from 1) of byte <paramref name="index"/> of <paramref name="bytes"/>, the
    /// column counted in characters as an editor counts them (as <see cref="LineAndColumn(string, int)"/> does).
    /// </summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>
    /// The first line of <paramref name="text"/> longer than <paramref name="maxLength"/>
    /// characters, as a diagnostic, or <c>null</c>: line-based readers call it before splitting.
    /// </summary>
    public static Diagnostic? CheckLineLengths(string text, string fileName, int maxLength = MaxLineLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (end - start > maxLength)
            {
                return new Diagnostic(fileName, line, maxLength + 1, string.Create(CultureInfo.InvariantCulture,
                    $"line {line} is {end - start:N0} characters long; lines are limited to {maxLength:N0} characters (is this the right file?)"));
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    /// <summary>A byte count as the user reads it: <c>64 MiB</c>, <c>512 KiB</c>, <c>100 bytes</c>.</summary>
    public static string DescribeSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; <paramref name="tooLarge"/> says whether more were there.</summary>
    private static byte[] ReadBounded(Stream stream, long maxBytes, out bool tooLarge)
    {
        tooLarge = false;
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            tooLarge = true;
            return [];
        }

        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, maxBytes) : 0);
        var chunk = new byte[81920];
        while (true)
        {
            var read = stream.Read(chunk, 0, chunk.Length);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxBytes)
            {
                tooLarge = true;
                return [];
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static (Encoding Encoding, int Length, string Name)? Bom(ReadOnlySpan<byte> bytes)
    {
        static Encoding Strict(Encoding encoding) => Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        return bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Strict(Encoding.UTF32), 4, "UTF-32 (little-endian)"),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (Strict(new UTF32Encoding(bigEndian: true, byteOrderMark: false)), 4, "UTF-32 (big-endian)"),
            [0xFF, 0xFE, ..] => (Strict(Encoding.Unicode), 2, "UTF-16 (little-endian)"),
            [0xFE, 0xFF, ..] => (Strict(Encoding.BigEndianUnicode), 2, "UTF-16 (big-endian)"),
            _ => null,
        };
    }

    /// <summary>
    /// UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes of its first
    /// characters fall (text starts with ASCII: a key, a bracket, a '#'), or <c>null</c>.
    /// </summary>
    private static string? UnmarkedWideEncoding(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [not 0, 0, 0, 0, ..] => "UTF-32 (little-endian)",
        [0, 0, 0, not 0, ..] => "UTF-32 (big-endian)",
        [not 0, 0, not 0, 0, ..] or [not 0, 0] => "UTF-16 (little-endian)",
        [0, not 0, 0, not 0, ..] or [0, not 0] => "UTF-16 (big-endian)",
        _ => null,
    };

    /// <summary>The line and column (from 1) of character <paramref name="index"/> of <paramref name="text"/>.</summary>
    internal static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
