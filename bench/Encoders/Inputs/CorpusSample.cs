namespace Baize.Encoders.Inputs;

/// <summary>
/// The fields of one samples.jsonl line the benchmark needs. Read here rather than through src/Corpus so the
/// benchmark depends on the serving side only. Media paths are relative to the split folder; null when absent.
/// </summary>
public sealed record CorpusSample(string Id, string Caption, string? ImagePath, string? VideoPath, string? AudioPath);
