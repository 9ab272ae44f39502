namespace Baize.Compression.Compressing;

/// <summary>One finished run, as bench/results/compression.json records it (ratios are student over teacher).</summary>
public sealed record CompressionRecord(
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
