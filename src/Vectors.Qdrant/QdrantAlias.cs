namespace Baize.Vectors.Qdrant;

/// <summary>One entry of <c>GET /aliases</c>.</summary>
internal sealed record QdrantAlias(string AliasName, string CollectionName);
