using System.Text;

namespace Baize.Indexer.Ingestion;

/// <summary>
/// Reads text files as UTF-8 and nothing else. File.ReadAllText honours any byte-order mark, so UTF-16 or random bytes
/// behind an FE FF would pass as text; here only a UTF-8 mark is skipped and invalid bytes throw.
/// </summary>
public static class StrictUtf8
{
    private static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="DecoderFallbackException">The bytes are not valid UTF-8.</exception>
    public static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var preamble = Encoding.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return Encoding.GetString(bytes, start, bytes.Length - start);
    }
}
