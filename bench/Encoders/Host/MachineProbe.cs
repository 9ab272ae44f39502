using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Baize.Encoders.Results;
using Microsoft.ML.OnnxRuntime;

namespace Baize.Encoders.Host;

/// <summary>Describes the machine and the software versions that decide the numbers.</summary>
public static class MachineProbe
{
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public static async Task<MachineInfo> DescribeAsync(string ffmpegPath, CancellationToken cancellationToken)
    {
        return new MachineInfo(
            Environment.ProcessorCount,
            CpuModel(),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            OrtEnv.Instance().GetVersionString(),
            await FfmpegVersionAsync(ffmpegPath, cancellationToken),
            LoadAverage(),
            BuildConfiguration);
    }

    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo))
        {
            return null;
        }

        var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double? LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        if (!File.Exists(LoadAvg))
        {
            return null;
        }

        var first = File.ReadAllText(LoadAvg).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>The first line of <c>ffmpeg -version</c>, or null when ffmpeg cannot be run (audio and video would fail later anyway).</summary>
    private static async Task<string?> FfmpegVersionAsync(string ffmpegPath, CancellationToken cancellationToken)
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

            // "ffmpeg version 5.1.6-0+deb12u1 Copyright (c) ..." → "ffmpeg version 5.1.6-0+deb12u1".
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
