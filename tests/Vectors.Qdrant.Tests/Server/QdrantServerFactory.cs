using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Qdrant.Tests.Server;

/// <summary>
/// The real Qdrant server named by BAIZE_QDRANT_URL (with BAIZE_QDRANT_API_KEY when it needs a key). Without it,
/// every conformance test reports as skipped, never as passed: no Qdrant server can be installed on these machines.
/// </summary>
public sealed class QdrantServerFactory : IVectorStoreFactory
{
    public const string UrlVariable = "BAIZE_QDRANT_URL";
    public const string ApiKeyVariable = "BAIZE_QDRANT_API_KEY";

    public Task<VectorStore> CreateStoreAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Skip($"set {UrlVariable} to run against a real Qdrant server (for example http://localhost:6333; {ApiKeyVariable} if it needs an API key)");
        }

        var apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable);
        return Task.FromResult<VectorStore>(new QdrantVectorStore(new QdrantVectorStoreOptions
        {
            Url = new Uri(url),
            ApiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey,
        }));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
