namespace Baize.Encoders.Results;

/// <summary>The knobs a run used, so two reports can be checked for comparability.</summary>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads, set explicitly (never left to ONNX Runtime's choice).</param>
/// <param name="PreprocessItems">Real items preprocessed per modality; the inference inputs are drawn from them.</param>
public sealed record BenchmarkSettings(
    int IntraOpThreads,
    int BatchSize,
    string Corpus,
    string Split,
    int PreprocessItems);
