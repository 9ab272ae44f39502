namespace Baize.Ingestion.Results;

/// <summary>bench/results/ingestion.json.</summary>
public sealed record IngestionReport(
    int SchemaVersion,
    string Benchmark,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    IngestionSettings Settings,
    GoalInfo Goal,
    IReadOnlyList<ModalityResult> Results)
{
    public const int CurrentSchemaVersion = 1;
}
