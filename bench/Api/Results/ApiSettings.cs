namespace Baize.Api.Results;

/// <summary>The knobs a run used, so two reports can be checked for comparability.</summary>
/// <param name="Items">Points in the image collection (one per item).</param>
/// <param name="Requests">Timed requests per concurrency.</param>
/// <param name="Warmup">Untimed requests before each timed run.</param>
/// <param name="Modalities">The modalities each query searches.</param>
/// <param name="Quantization">How the image collection scans (none: exact float32; int8: codes + exact re-scoring).</param>
/// <param name="Queries">Distinct query texts cycled through.</param>
public sealed record ApiSettings(
    int Items,
    int Requests,
    int Warmup,
    IReadOnlyList<int> Concurrency,
    int TopK,
    IReadOnlyList<string> Modalities,
    bool Group,
    string Quantization,
    string Models,
    string TextEncoder,
    string ImageEncoder,
    string? Corpus,
    int Queries,
    int BreakdownSamples,
    int Seed,
    string Client);
