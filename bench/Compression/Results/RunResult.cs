using Baize.Compression.Compressing;
using Baize.Encoders.Results;

namespace Baize.CompressionBench.Results;

/// <summary>
/// One student: Compressor's record (size, retention on the test split, wall time, per-pair recall, widths) with the
/// seed and its serving cost against the teacher of the same modality. Every ratio is student over teacher, so a
/// throughput ratio above 1 and a latency ratio below 1 mean the student is faster.
/// </summary>
public sealed record RunResult : CompressionRecord
{
    public RunResult(CompressionRecord record, int seed, EncoderResult student, EncoderResult teacher)
        : base(record ?? throw new ArgumentNullException(nameof(record)))
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        Seed = seed;
        ThroughputB32ItemsPerS = student.ThroughputB32ItemsPerS;
        ThroughputRatio = TimingRatio(student.ThroughputB32ItemsPerS, teacher.ThroughputB32ItemsPerS);
        LatencyB1P50Ms = student.LatencyB1P50Ms;
        LatencyRatio = TimingRatio(student.LatencyB1P50Ms, teacher.LatencyB1P50Ms);
        Serving = student;
    }

    /// <summary>Of the student's initialisation (for kd and scratch) and batch order.</summary>
    public int Seed { get; }

    public double ThroughputB32ItemsPerS { get; }

    public double ThroughputRatio { get; }

    public double LatencyB1P50Ms { get; }

    public double LatencyRatio { get; }

    /// <summary>The student measured exactly as the teacher: throughput spread, latency spread, preprocessing.</summary>
    public EncoderResult Serving { get; }

    /// <summary>Three decimals: run-to-run noise in the timings is far above 0.1 %.</summary>
    private static double TimingRatio(double student, double teacher) => Math.Round(student / teacher, 3);
}
