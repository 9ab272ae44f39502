using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baize.Indexer.Items;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, ModalityIndex>))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
