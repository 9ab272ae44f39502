using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Qdrant.Tests.Server;

public sealed class QdrantFilterTests : FilterConformanceTests<QdrantServerFactory>;
