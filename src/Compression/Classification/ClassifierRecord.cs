namespace Baize.Compression.Classification;

/// <summary>One compressed classifier, as the paper's tables report them: accuracy, FLOPs (MACs) and parameters against the teacher's.</summary>
/// <param name="FlopsTarget">The budget: at most this fraction of the teacher's MACs.</param>
/// <param name="AccuracyDelta">Student minus teacher test accuracy (negative: a loss).</param>
public sealed record ClassifierRecord(
    string Method,
    double FlopsTarget,
    long Params,
    double ParamsRatio,
    long Macs,
    double MacsRatio,
    double Accuracy,
    double TeacherAccuracy,
    double AccuracyDelta,
    double WallS,
    IReadOnlyDictionary<string, int> Widths,
    string Report);
