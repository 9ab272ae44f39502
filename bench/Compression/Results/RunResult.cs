using Baize.Compression.Compressing;
using Baize.Encoders.Results;

namespace Baize.CompressionBench.Results;

/// <summary>
/// One student: Compressor's record (size, retention on the test split, wall time) flattened, with its serving cost
/// against the teacher of the same modality. Every ratio is student over teacher, so a throughput ratio above 1 and
/// a latency ratio below 1 mean the student is faster.
/// </summary>
/// <param name="Target">"4x" or "8x": the parameter budget.</param>
/// <param name="Seed">Of the student's initialisation (for kd and scratch) and batch order.</param>
/// <param name="R1Retention">Mean Recall@1 over the pairs involving the modality, student over teacher.</param>
/// <param name="CompatR1Retention">Student queries against the teacher's index of the same modality, over the teacher's own queries.</param>
/// <param name="WallS">Training and evaluation, over all resumptions.</param>
/// <param name="TeacherRecallAt1">Per "query->gallery" pair on the test split.</param>
/// <param name="Widths">Per prunable layer, the student's width.</param>
/// <param name="Report">Compressor's own report (history plots, per-layer widths).</param>
/// <param name="Serving">The student measured exactly as the teacher: throughput spread, latency spread, preprocessing.</param>
public sealed record RunResult(
    string Modality,
    string Target,
    string Method,
    int Seed,
    long Params,
    double ParamsRatio,
    long Macs,
    double MacsRatio,
    long OnnxBytes,
    double OnnxBytesRatio,
    double ThroughputB32ItemsPerS,
    double ThroughputRatio,
    double LatencyB1P50Ms,
    double LatencyRatio,
    double R1Retention,
    double R10Retention,
    double CompatR1Retention,
    double WallS,
    IReadOnlyDictionary<string, double> TeacherRecallAt1,
    IReadOnlyDictionary<string, double> StudentRecallAt1,
    IReadOnlyDictionary<string, double> TeacherRecallAt10,
    IReadOnlyDictionary<string, double> StudentRecallAt10,
    IReadOnlyDictionary<string, int> Widths,
    string ModelFolder,
    string Report,
    EncoderResult Serving)
{
    public static RunResult Of(CompressionRecord record, int seed, EncoderResult student, EncoderResult teacher)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        return new RunResult(
            record.Modality,
            record.Target,
            record.Method,
            seed,
            record.Params,
            record.ParamsRatio,
            record.Macs,
            record.MacsRatio,
            record.OnnxBytes,
            record.OnnxBytesRatio,
            student.ThroughputB32ItemsPerS,
            TimingRatio(student.ThroughputB32ItemsPerS, teacher.ThroughputB32ItemsPerS),
            student.LatencyB1P50Ms,
            TimingRatio(student.LatencyB1P50Ms, teacher.LatencyB1P50Ms),
            record.R1Retention,
            record.R10Retention,
            record.CompatR1Retention,
            record.WallS,
            record.TeacherRecallAt1,
            record.StudentRecallAt1,
            record.TeacherRecallAt10,
            record.StudentRecallAt10,
            record.Widths,
            record.ModelFolder,
            record.Report,
            student);
    }

    /// <summary>Three decimals: run-to-run noise in the timings is far above 0.1 %.</summary>
    private static double TimingRatio(double student, double teacher) => Math.Round(student / teacher, 3);
}
