using Baize.Embedding;

namespace Baize.Ingestion.Inputs;

/// <summary>The items of one modality and where they came from.</summary>
/// <param name="Source">E.g. "corpus test split" or "generated".</param>
public sealed record ModalityInputs(Modality Modality, IReadOnlyList<InputItem> Items, string Source);
