using Baize.Compression.Classification;
using Baize.Encoders.Results;

namespace Baize.ClassifierBench.Results;

/// <summary>bench/results/classifier-compression.json: where and how the benchmark ran, the teacher, and one entry per run.</summary>
/// <param name="Runs">In target, method order.</param>
public sealed record ClassifierReport(
    int SchemaVersion,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    ClassifierSettings Settings,
    TeacherResult Teacher,
    IReadOnlyList<ClassifierRecord> Runs)
{
    public const int CurrentSchemaVersion = 1;
}
