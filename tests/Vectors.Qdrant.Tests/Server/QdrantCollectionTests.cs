using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Qdrant.Tests.Server;

public sealed class QdrantCollectionTests : CollectionConformanceTests<QdrantServerFactory>;
