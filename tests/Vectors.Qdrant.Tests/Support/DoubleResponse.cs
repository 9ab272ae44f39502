using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Baize.Vectors.Qdrant.Tests.Support;

/// <summary>
/// A scripted answer of <see cref="QdrantRestDouble"/>, shaped as Qdrant answers (reference/qdrant-rest.md): success
/// is <c>{"result": ..., "status": "ok", "time": ...}</c>, an error <c>{"status": {"error": "..."}, "time": ..., "result": null}</c>,
/// and 401/403 carry plain text.
/// </summary>
public sealed record DoubleResponse(HttpStatusCode Status, string Body, string ContentType, Exception? Failure = null)
{
    /// <summary>200 with the result, plus the <c>usage</c> field newer servers add (clients must ignore it).</summary>
    public static DoubleResponse Result(string resultJson) =>
        new(HttpStatusCode.OK, """{"result":""" + resultJson + ""","status":"ok","time":0.000412,"usage":{"cpu":1}}""", "application/json");

    /// <summary>What upserts and deletes with <c>wait=true</c> answer.</summary>
    public static DoubleResponse Completed { get; } = Result("""{"operation_id":7,"status":"completed"}""");

    /// <summary>What collection, index and alias operations answer.</summary>
    public static DoubleResponse True { get; } = Result("true");

    public static DoubleResponse Error(HttpStatusCode status, string message) => new(
        status,
        $$"""{"status":{"error":{{JsonSerializer.Serialize(message)}}},"time":0.000051,"result":null}""",
        "application/json");

    public static DoubleResponse PlainText(HttpStatusCode status, string text) => new(status, text, "text/plain");

    /// <summary>No answer at all: the connection failed.</summary>
    public static DoubleResponse ConnectionRefused { get; } = new(
        HttpStatusCode.OK, "", "text/plain", new HttpRequestException("Connection refused (qdrant.test:6333)"));

    /// <summary><c>GET /collections/{name}</c> of a single-vector collection, as Qdrant 1.1x reports it.</summary>
    public static DoubleResponse CollectionInfo(int size, string distance, bool quantized = false, params string[] indexedFields)
    {
        var quantization = quantized ? """{"scalar":{"type":"int8","quantile":0.99,"always_ram":true}}""" : "null";
        var schema = string.Join(",", indexedFields.Select(field => JsonSerializer.Serialize(field) + """:{"data_type":"keyword","points":0}"""));
        var vectors = $$"""{"size":{{size.ToString(CultureInfo.InvariantCulture)}},"distance":"{{distance}}"}""";
        return Result($$"""
            {"status":"green","optimizer_status":"ok","indexed_vectors_count":0,"points_count":0,"segments_count":2,
             "config":{"params":{"vectors":{{vectors}},"shard_number":1,"replication_factor":1,
                                 "write_consistency_factor":1,"on_disk_payload":true},
                       "hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000,"max_indexing_threads":0,"on_disk":false},
                       "optimizer_config":{"deleted_threshold":0.2,"vacuum_min_vector_number":1000,"default_segment_number":0,
                                           "max_segment_size":null,"memmap_threshold":null,"indexing_threshold":10000,
                                           "flush_interval_sec":5,"max_optimization_threads":null},
                       "wal_config":{"wal_capacity_mb":32,"wal_segments_ahead":0},
                       "quantization_config":{{quantization}}},
             "payload_schema":{ {{schema}} } }
            """);
    }

    public static DoubleResponse NotFoundCollection(string name) =>
        Error(HttpStatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!");
}
