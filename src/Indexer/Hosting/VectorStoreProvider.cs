namespace Baize.Indexer.Hosting;

public enum VectorStoreProvider
{
    Embedded,
    Qdrant,
}
