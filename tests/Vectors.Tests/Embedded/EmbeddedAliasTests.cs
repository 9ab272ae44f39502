using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Tests.Embedded;

public sealed class EmbeddedAliasTests : AliasConformanceTests<EmbeddedStoreFactory>;
