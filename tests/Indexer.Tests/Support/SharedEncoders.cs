using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.TestSupport;

namespace Baize.Indexer.Tests.Support;

/// <summary>The shipped encoders of every modality, loaded once per test class that needs them.</summary>
public sealed class SharedEncoders : IDisposable
{
    public SharedEncoders()
    {
        Registry = new EncoderRegistry();
        Registry.ActivateAll(new ModelDirectory(RepositoryPaths.ShippedModels));
    }

    public EncoderRegistry Registry { get; }

    public void Dispose() => Registry.Dispose();
}
