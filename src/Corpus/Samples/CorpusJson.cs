using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baize.Corpus.Samples;

/// <summary>
/// The serialisation settings of the corpus files. The default encoder writes "en-us+f3" as "en-us\u002Bf3";
/// these files are read by people and tools, never embedded in HTML, so the relaxed encoder keeps them readable.
/// </summary>
internal static class CorpusJson
{
    public static CorpusJsonContext Compact { get; } = new(new JsonSerializerOptions(CorpusJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static CorpusJsonContext Indented { get; } = new(new JsonSerializerOptions(CorpusJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });
}
