namespace Baize.Encoders.Results;

/// <summary>
/// One encoder's numbers. The flat members are the headline figures (medians and p99) for tables; the nested
/// members hold run counts and spread so a reader can judge how stable each headline is.
/// </summary>
/// <param name="Model">"id@version" from the manifest.</param>
/// <param name="Params">Trainable parameters, from the manifest.</param>
/// <param name="Macs">Multiply-accumulates for one input, from the manifest.</param>
/// <param name="OnnxBytes">Size of model.onnx.</param>
public sealed record EncoderResult(
    string Modality,
    string Model,
    string Path,
    int Dimension,
    long Params,
    long Macs,
    long OnnxBytes,
    double ThroughputB32ItemsPerS,
    double LatencyB1P50Ms,
    double LatencyB1P99Ms,
    double PreprocessMsPerItem,
    ThroughputResult ThroughputB32,
    LatencyResult LatencyB1,
    PreprocessResult Preprocess);
