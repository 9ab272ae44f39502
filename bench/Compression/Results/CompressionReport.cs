using Baize.Encoders.Results;

namespace Baize.CompressionBench.Results;

/// <summary>bench/results/compression.json: where and how the benchmark ran, the teachers, and one entry per run.</summary>
/// <param name="Teachers">Each compressed modality's teacher, measured as bench/Encoders measures an encoder.</param>
/// <param name="Runs">In modality, target, method order.</param>
public sealed record CompressionReport(
    int SchemaVersion,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    CompressionSettings Settings,
    IReadOnlyList<EncoderResult> Teachers,
    IReadOnlyList<RunResult> Runs)
{
    public const int CurrentSchemaVersion = 1;
}
