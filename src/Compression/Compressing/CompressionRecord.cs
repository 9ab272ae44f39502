namespace Baize.Compression.Compressing;

/// <summary>
/// One finished run, as bench/results/compression.json records it (ratios are student over teacher). Not sealed: the
/// benchmark's record of a run extends it with the serving measurements.
/// </summary>
/// <param name="Target">"4x" or "8x": the parameter budget.</param>
/// <param name="R1Retention">Mean Recall@1 over the pairs involving the modality, student over teacher.</param>
/// <param name="CompatR1Retention">Student queries against the teacher's index of the same modality, over the teacher's own queries.</param>
/// <param name="WallS">Training and evaluation, over all resumptions.</param>
/// <param name="TeacherRecallAt1">Per "query->gallery" pair on the test split.</param>
/// <param name="Widths">Per prunable layer, the student's width.</param>
/// <param name="Report">The run's report (history plots, per-layer widths).</param>
public record CompressionRecord(
    string Modality,
    string Target,
    string Method,
    long Params,
    double ParamsRatio,
    long Macs,
    double MacsRatio,
    long OnnxBytes,
    double OnnxBytesRatio,
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
    string Report);
