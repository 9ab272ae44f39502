using Baize.TestSupport;
using Baize.Vectors.Embedded;
using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>A fresh database file per test, deleted with its folder afterwards.</summary>
public sealed class EmbeddedStoreFactory : IVectorStoreFactory
{
    private readonly TempDirectory _directory = new();

    public Task<VectorStore> CreateStoreAsync() =>
        Task.FromResult<VectorStore>(new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = _directory.File("vectors.db") }));

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
