using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Tests.Embedded;

public sealed class EmbeddedQuantizationTests : QuantizationConformanceTests<EmbeddedStoreFactory>;
