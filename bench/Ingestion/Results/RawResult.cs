namespace Baize.Ingestion.Results;

/// <summary>
/// The raw encoder on the same files: OnnxEncoder.EmbedImagesAsync / EmbedAudioAsync / EmbedVideosAsync / EmbedTexts in
/// batches of <paramref name="BatchSize"/> (preprocessing from the files, in parallel, then one ONNX Runtime call per
/// batch), without HTTP, bus, catalogue or store. Measured once before and once after the ingestion run, with one
/// untimed batch first; the headline is their mean, so load that changed during the run weighs on both sides.
/// </summary>
public sealed record RawResult(
    int BatchSize,
    double ItemsPerS,
    double ItemsPerSBefore,
    double ItemsPerSAfter,
    double SecondsBefore,
    double SecondsAfter);
