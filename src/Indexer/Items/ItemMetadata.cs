using System.Text.Json;
using System.Text.RegularExpressions;
using Baize.Vectors;

namespace Baize.Indexer.Items;

/// <summary>
/// Checks the metadata a caller attaches to an item: a flat JSON object of named fields (title, tags, source and any
/// user field) whose values are strings, numbers, booleans or lists of those. Field names are identifiers and may not
/// take the names the index itself writes into every point.
/// </summary>
public static partial class ItemMetadata
{
    public const int MaxFields = 64;
    public const int MaxJsonBytes = 64 * 1024;

    /// <summary>Names the indexer writes into every point; metadata may not shadow them.</summary>
    public static IReadOnlySet<string> ReservedFields { get; } =
        new HashSet<string>(StringComparer.Ordinal) { PointFields.ItemId, PointFields.Kind, PointFields.Modality, PointFields.Segment, PointFields.Start, PointFields.End, PointFields.Encoder };

    /// <summary>Parses and checks metadata JSON; null or blank is no metadata.</summary>
    /// <exception cref="ItemMetadataException">The JSON is malformed, too large, or breaks a rule above.</exception>
    public static IReadOnlyDictionary<string, object> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Payload.Empty;
        }

        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxJsonBytes)
        {
            throw new ItemMetadataException($"Metadata is larger than {MaxJsonBytes} bytes.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
            return Validate(Payload.FromJson(document.RootElement));
        }
        catch (JsonException exception)
        {
            throw new ItemMetadataException($"Metadata is not valid JSON: {exception.Message}");
        }
        catch (VectorStoreException exception)
        {
            throw new ItemMetadataException(exception.Message);
        }
    }

    private static IReadOnlyDictionary<string, object> Validate(IReadOnlyDictionary<string, object> fields)
    {
        if (fields.Count > MaxFields)
        {
            throw new ItemMetadataException($"Metadata has {fields.Count} fields; at most {MaxFields} are allowed.");
        }

        foreach (var (name, value) in fields)
        {
            if (!FieldName().IsMatch(name))
            {
                throw new ItemMetadataException($"Metadata field '{name}' is not a valid name: use letters, digits and '_', starting with a letter (at most 64 characters).");
            }

            if (ReservedFields.Contains(name))
            {
                throw new ItemMetadataException($"Metadata field '{name}' is reserved by the index.");
            }

            if (name is "title" or "source" && value is not string)
            {
                throw new ItemMetadataException($"Metadata field '{name}' must be a string.");
            }

            if (name == "tags" && (value is not IReadOnlyList<object> tags || tags.Any(tag => tag is not string)))
            {
                throw new ItemMetadataException("Metadata field 'tags' must be a list of strings.");
            }
        }

        return fields;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex FieldName();
}
