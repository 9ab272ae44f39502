using System.Text.Json.Serialization;
using Baize.BenchSupport;
using Microsoft.ML.OnnxRuntime;

namespace Baize.Encoders.Results;

/// <summary>The machine and software the numbers were measured on.</summary>
/// <param name="Cores">Logical processors visible to the process.</param>
/// <param name="CpuModel">From /proc/cpuinfo; null where it has no model name.</param>
/// <param name="Ffmpeg">First line of <c>ffmpeg -version</c>; audio and video preprocessing cost depends on it.</param>
/// <param name="LoadAverage1M">1-minute load average when the run started; well above zero means other work shared the cores.</param>
/// <param name="Build">Configuration of the benchmark itself: numbers from a Debug build are not comparable.</param>
public sealed record MachineInfo(
    int Cores,
    string? CpuModel,
    string Os,
    string Dotnet,
    string OnnxRuntime,
    string? Ffmpeg,
    [property: JsonPropertyName("load_average_1m")] double? LoadAverage1M,
    string Build)
{
    /// <summary>This machine, now.</summary>
    public static async Task<MachineInfo> ProbeAsync(string ffmpegPath, CancellationToken cancellationToken) => new(
        MachineProbe.Cores,
        MachineProbe.CpuModel(),
        MachineProbe.Os,
        MachineProbe.Dotnet,
        OrtEnv.Instance().GetVersionString(),
        await MachineProbe.FfmpegVersionAsync(ffmpegPath, cancellationToken),
        MachineProbe.LoadAverage(),
        MachineProbe.Build);
}
