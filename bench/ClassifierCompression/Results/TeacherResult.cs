namespace Baize.ClassifierBench.Results;

/// <param name="TrainingSeconds">0 when the teacher was loaded from an earlier run of the same settings.</param>
public sealed record TeacherResult(long Params, long Macs, double Accuracy, int Epochs, double TrainingSeconds);
