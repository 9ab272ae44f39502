namespace Baize.Api.Results;

/// <summary>bench/results/api.json.</summary>
/// <param name="Breakdown">Null when --breakdown 0.</param>
public sealed record ApiReport(
    int SchemaVersion,
    string Benchmark,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    ApiSettings Settings,
    GoalInfo Goal,
    PopulationResult Population,
    BreakdownResult? Breakdown,
    IReadOnlyList<LoadRunResult> Runs)
{
    public const int CurrentSchemaVersion = 1;
}
