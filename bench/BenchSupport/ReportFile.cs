using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Baize.BenchSupport;

/// <summary>Writes a benchmark's JSON report to disk.</summary>
public static class ReportFile
{
    /// <summary>
    /// Serialises with <paramref name="json"/> (a source-generated context's snake_case, indented type info), writes
    /// next to the target and renames, so a reader never sees half a report. The report is read by people and scripts,
    /// never embedded in HTML, so "+" in a version and "≤" in a goal stay as they are rather than \u002B and \u2264.
    /// </summary>
    public static void Write<TReport>(TReport report, JsonTypeInfo<TReport> json, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(json);
        var options = new JsonSerializerOptions(json.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var relaxed = (JsonTypeInfo<TReport>)options.GetTypeInfo(typeof(TReport));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(report, relaxed) + "\n");
        File.Move(temporary, full, overwrite: true);
    }
}
