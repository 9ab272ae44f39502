namespace Baize.Ingestion.Results;

/// <summary>One modality: the same items through the raw encoder and through ingestion.</summary>
/// <param name="Source">Where the items came from (corpus splits or generated).</param>
/// <param name="Encoder">"id@version" of the active encoder.</param>
/// <param name="Ratio">Ingestion items/s ÷ raw encoder items/s.</param>
/// <param name="MeetsGoal">Ratio ≥ the goal's ratio.</param>
public sealed record ModalityResult(
    string Modality,
    int Items,
    string Source,
    string Encoder,
    RawResult Raw,
    PipelineResult Ingestion,
    double Ratio,
    bool MeetsGoal);
