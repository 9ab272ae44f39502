namespace Baize.Vectors.Tests.Conformance;

/// <summary>
/// Makes the store one conformance test runs against. A factory is created per test (one per test class instance)
/// and disposed after it, so an embedded factory can hand out a fresh database and delete it afterwards. A factory
/// whose backend is unavailable calls <c>Assert.Skip</c> in <see cref="CreateStoreAsync"/>, so the test reports
/// as skipped rather than passing silently.
/// </summary>
public interface IVectorStoreFactory : IAsyncDisposable
{
    Task<VectorStore> CreateStoreAsync();
}
