using System.Text.Json.Nodes;

namespace Baize.Embedding.Manifests;

/// <summary>The network that produced the model: a name and its configuration, which the serving side does not interpret.</summary>
public sealed record ArchitectureInfo(string Name, JsonObject Config);
