using System.Text.Json.Nodes;

namespace Baize.Vectors.Qdrant.Tests.Support;

/// <summary>One request as <see cref="QdrantRestDouble"/> received it.</summary>
/// <param name="Path">The escaped absolute path, e.g. <c>/collections/my%20docs/points</c>.</param>
/// <param name="Query">The query string without '?', e.g. <c>wait=true</c>; empty when there is none.</param>
public sealed record RecordedRequest(
    HttpMethod Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    /// <summary>The body parsed as JSON.</summary>
    public JsonNode Json => JsonNode.Parse(Body ?? throw new InvalidOperationException($"{Method} {Path} had no body."))!;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => Query.Length == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{Query}";
}
