namespace Baize.Encoders.Workloads;

/// <summary>
/// What is measured for one modality: the real items to preprocess, how to preprocess one, and how to embed a
/// batch of preprocessed inputs (token ids for text, floats otherwise).
/// </summary>
/// <param name="Work">What preprocessing one item does, for the report.</param>
/// <param name="Sources">A caption for text, otherwise the full path of a media file.</param>
public sealed record Workload<TInput>(
    string Work,
    IReadOnlyList<string> Sources,
    Func<string, CancellationToken, Task<TInput>> Preprocess,
    Func<IReadOnlyList<TInput>, float[][]> Embed);
