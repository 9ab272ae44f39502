namespace Baize.Encoders.Results;

/// <summary>bench/results/encoders.json: where and how the benchmark ran, and one entry per measured encoder.</summary>
public sealed record BenchmarkReport(
    int SchemaVersion,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    BenchmarkSettings Settings,
    IReadOnlyList<EncoderResult> Encoders)
{
    public const int CurrentSchemaVersion = 1;
}
