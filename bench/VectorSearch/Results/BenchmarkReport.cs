namespace Baize.VectorSearch.Results;

/// <summary>The JSON report: where and how the benchmark ran, and one entry per collection size.</summary>
public sealed record BenchmarkReport(
    int SchemaVersion,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    BenchmarkSettings Settings,
    IReadOnlyList<SizeResult> Sizes)
{
    public const int CurrentSchemaVersion = 1;
}
