using System.Text.Json.Serialization;
using Baize.BenchSupport;

namespace Baize.VectorSearch.Results;

/// <summary>The machine and software the numbers were measured on.</summary>
/// <param name="LoadAverage1M">1-minute load average when the run started; near or above the core count means other
/// work shared the cores and memory bus.</param>
/// <param name="Vector512">Whether the float kernel ran 512-bit (AVX-512) rather than 256-bit.</param>
public sealed record MachineInfo(
    int Cores,
    string? CpuModel,
    string Os,
    string Dotnet,
    [property: JsonPropertyName("load_average_1m")] double? LoadAverage1M,
    bool Vector512,
    string Build)
{
    /// <summary>This machine, now.</summary>
    public static MachineInfo Probe() => new(
        MachineProbe.Cores,
        MachineProbe.CpuModel(),
        MachineProbe.Os,
        MachineProbe.Dotnet,
        MachineProbe.LoadAverage(),
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated,
        MachineProbe.Build);
}
