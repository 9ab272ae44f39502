using System.Text.Json;

namespace Baize.VectorSearch.Results;

/// <summary>Writes the report to disk.</summary>
public static class ReportFile
{
    /// <summary>Writes next to the target and renames, so a reader never sees half a report.</summary>
    public static void Write(BenchmarkReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(report, ReportJsonContext.Default.BenchmarkReport) + "\n");
        File.Move(temporary, full, overwrite: true);
    }
}
