namespace Baize.BenchSupport;

/// <summary>
/// The fields of one samples.jsonl line the benchmarks need. Read here rather than through src/Corpus so a benchmark
/// depends on the serving side only. Media paths are relative to the split folder; null when absent.
/// </summary>
public sealed record CorpusSample(string Id, string Caption, string? ImagePath, string? VideoPath, string? AudioPath);
