using System.Text.Json.Serialization;
using Baize.BenchSupport;
using Microsoft.ML.OnnxRuntime;

namespace Baize.Api.Results;

/// <summary>The machine and software the numbers were measured on.</summary>
/// <param name="Cores">Logical processors visible to the process (<see cref="Environment.ProcessorCount"/>).</param>
/// <param name="LoadAverage1MStart">1-minute load average before the app started; near or above the core count means other work shared the CPU.</param>
/// <param name="LoadAverage1MEnd">The same after the last run (this benchmark's own load is in it).</param>
/// <param name="ServerGc">Whether the process ran the server garbage collector (the Web SDK's default, as the served app does).</param>
public sealed record MachineInfo(
    int Cores,
    string? CpuModel,
    string Os,
    string Dotnet,
    string OnnxRuntime,
    [property: JsonPropertyName("load_average_1m_start")] double? LoadAverage1MStart,
    [property: JsonPropertyName("load_average_1m_end")] double? LoadAverage1MEnd,
    string Build,
    bool ServerGc)
{
    /// <summary>This machine, now (at the end of the run), with the load average read before the app started.</summary>
    public static MachineInfo Probe(double? loadAtStart) => new(
        MachineProbe.Cores,
        MachineProbe.CpuModel(),
        MachineProbe.Os,
        MachineProbe.Dotnet,
        OrtEnv.Instance().GetVersionString(),
        loadAtStart,
        MachineProbe.LoadAverage(),
        MachineProbe.Build,
        MachineProbe.ServerGc);
}
