using System.Text.Json.Serialization;

namespace Baize.VectorSearch.Results;

/// <summary>Everything measured at one collection size.</summary>
/// <param name="InsertPointsPerS">Upserts of <see cref="BenchmarkSettings.BatchSize"/> points into a new collection,
/// through the public API, each batch one durable commit.</param>
/// <param name="DatabaseBytes">The database file plus its WAL, holding both collections.</param>
/// <param name="OpenMs">A fresh store on the existing file until the first exact search has answered: opening the
/// file, loading every vector of the collection into memory, and the search.</param>
/// <param name="OpenInt8Ms">The same for the first search of the int8 collection (also quantising every vector).</param>
/// <param name="Quantized">Int8 scan for candidates, exact float32 re-scoring of them (JSON <c>int8</c>).</param>
/// <param name="FilteredExact">Exact search with a payload filter letting a quarter of the points through.</param>
/// <param name="RawScanF32Ms">Median time to read the float32 slab's bytes once (<see cref="MemoryScan"/>).</param>
/// <param name="RawScanI8Ms">The same for the int8 codes.</param>
/// <param name="ExactScanEfficiency">Raw float32 scan time / exact p50: 1 means the search runs at the memory-bandwidth limit.</param>
/// <param name="Int8ScanEfficiency">Raw int8 scan time / int8 p50 (the int8 search also re-scores candidates).</param>
/// <param name="Int8RecallAt10">Mean share of exact search's top 10 that int8 search also returns.</param>
public sealed record SizeResult(
    int Vectors,
    double InsertPointsPerS,
    double InsertSeconds,
    long DatabaseBytes,
    double OpenMs,
    double OpenInt8Ms,
    LatencyResult Exact,
    [property: JsonPropertyName("int8")] LatencyResult Quantized,
    LatencyResult FilteredExact,
    double RawScanF32Ms,
    double RawScanI8Ms,
    double ExactScanEfficiency,
    double Int8ScanEfficiency,
    [property: JsonPropertyName("int8_recall_at_10")] double Int8RecallAt10);
