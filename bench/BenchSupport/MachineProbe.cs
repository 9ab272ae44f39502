using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Baize.BenchSupport;

/// <summary>
/// Describes the machine and the software versions that decide the numbers. Each benchmark records the facts it needs
/// in its own report's machine section (the ONNX Runtime version comes from the benchmark, which references it).
/// </summary>
public static class MachineProbe
{
#if DEBUG
    private const string LibraryConfiguration = "Debug";
#else
    private const string LibraryConfiguration = "Release";
#endif

    private const string ConsequenceForCpu = "other work competes for the CPU and the numbers will be noisy and low";

    /// <summary>Logical processors visible to the process.</summary>
    public static int Cores => Environment.ProcessorCount;

    public static string Os => RuntimeInformation.OSDescription;

    public static string Dotnet => RuntimeInformation.FrameworkDescription;

    /// <summary>Whether the process runs the server garbage collector (the Web SDK's default, as the served app does).</summary>
    public static bool ServerGc => GCSettings.IsServerGC;

    /// <summary>Configuration of the benchmark itself (its entry assembly): numbers from a Debug build are not comparable.</summary>
    public static string Build { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? LibraryConfiguration;

    /// <summary>The model name from /proc/cpuinfo, or null where it has none.</summary>
    public static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or null where there is none.</summary>
    public static double? LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        var first = File.Exists(LoadAvg) ? File.ReadAllText(LoadAvg).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>Warns on <paramref name="log"/> when the load average is above half the cores.</summary>
    /// <param name="consequence">What the load does to this benchmark's numbers.</param>
    public static void WarnWhenBusy(double? loadAverage, TextWriter log, string consequence = ConsequenceForCpu)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (loadAverage is { } load && load > Cores / 2.0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: load average {load:0.00} on {Cores} cores; {consequence}."));
        }
    }

    /// <summary>
    /// The first line of <c>ffmpeg -version</c> up to its copyright, e.g. "ffmpeg version 5.1.6-0+deb12u1", or null
    /// when ffmpeg cannot be run (audio and video would fail later anyway).
    /// </summary>
    public static async Task<string?> FfmpegVersionAsync(string ffmpegPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffmpegPath, ["-hide_banner", "-version"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var first = output.Split('\n').FirstOrDefault()?.Trim();
            var copyright = first?.IndexOf(" Copyright", StringComparison.Ordinal) ?? -1;
            return copyright > 0 ? first![..copyright] : first;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
