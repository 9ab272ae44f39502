using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baize.Encoders.Results;

/// <summary>Writes the report to disk.</summary>
public static class ReportFile
{
    /// <summary>The report is read by people and scripts, never embedded in HTML, so "+" in a version stays "+" rather than \u002B.</summary>
    private static readonly ReportJsonContext Json = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes next to the target and renames, so a reader never sees half a report.</summary>
    public static void Write(BenchmarkReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(report, Json.BenchmarkReport) + "\n");
        File.Move(temporary, full, overwrite: true);
    }
}
