using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Baize.VectorSearch.Results;

namespace Baize.VectorSearch;

/// <summary>Describes the machine the numbers come from.</summary>
public static class MachineProbe
{
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(),
        Vector512.IsHardwareAccelerated,
        BuildConfiguration);

    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double? LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        var first = File.Exists(LoadAvg) ? File.ReadAllText(LoadAvg).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}
