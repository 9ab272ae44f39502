namespace Baize.Api.Results;

/// <summary>
/// The parts of one text query, each timed alone, sequentially (one call at a time) inside the process, without HTTP.
/// </summary>
/// <param name="EmbedText">QueryEmbedder.EmbedTextAsync: tokenisation and the text encoder through the shared embedding batcher, as served.</param>
/// <param name="EmbedTextOnnx">OnnxEncoder.EmbedTexts on one caption: tokenisation and ONNX Runtime, no batcher.</param>
/// <param name="Search">SearchService.SearchAsync: alias lookup, the store's scan, grouping and hit mapping, as served.</param>
/// <param name="Scan">VectorCollection.SearchAsync on the alias for the candidates the service asks for (top_k · 4): the store alone.</param>
/// <param name="IndexUpsert">What indexing one more item costs the store at this size: upserting its one point (one durable SQLite commit).</param>
public sealed record BreakdownResult(
    LatencyResult EmbedText,
    LatencyResult EmbedTextOnnx,
    LatencyResult Search,
    LatencyResult Scan,
    LatencyResult IndexUpsert);
