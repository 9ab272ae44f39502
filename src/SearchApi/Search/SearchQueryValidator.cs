using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Indexer.Items;

namespace Baize.SearchApi.Search;

/// <summary>Checks a <see cref="SearchRequest"/>'s options and turns them into a <see cref="SearchQuery"/>.</summary>
public sealed class SearchQueryValidator(ItemCatalog catalog)
{
    public const int MaxTopK = 100;
    public const int MaxOffset = 10_000;
    public const int MaxTextLength = 1_000;

    /// <summary>Fields every item can be filtered on, whether or not one was uploaded with them.</summary>
    private static readonly string[] StandardFields = ["title", "tags", "source"];

    /// <exception cref="SearchRequestException">An option is out of range or unknown.</exception>
    public async Task<SearchQuery> ValidateAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topK = request.TopK ?? 10;
        if (topK is < 1 or > MaxTopK)
        {
            throw new SearchRequestException("top_k", $"must be between 1 and {MaxTopK}.");
        }

        var offset = request.Offset ?? 0;
        if (offset is < 0 or > MaxOffset)
        {
            throw new SearchRequestException("offset", $"must be between 0 and {MaxOffset}.");
        }

        if (request.ScoreThreshold is { } threshold && (float.IsNaN(threshold) || threshold is < -1 or > 1))
        {
            throw new SearchRequestException("score_threshold", "must be a cosine similarity between -1 and 1.");
        }

        var filter = request.Filter is { } json && json.ValueKind != System.Text.Json.JsonValueKind.Null
            ? SearchFilterParser.Parse(json, await KnownFieldsAsync(cancellationToken))
            : null;
        return new SearchQuery(Modalities(request.Modalities), topK, offset, filter, request.Group ?? true, request.ScoreThreshold);
    }

    private static List<Modality> Modalities(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return [.. Enum.GetValues<Modality>()];
        }

        if (names.Count == 0)
        {
            throw new SearchRequestException("modalities", "must name at least one modality (or be left out to search all).");
        }

        var modalities = new List<Modality>();
        foreach (var name in names)
        {
            if (!ManifestJson.TryParseModality(name, out var modality))
            {
                throw new SearchRequestException("modalities", $"'{name}' is not a modality; use text, image, audio or video.");
            }

            if (!modalities.Contains(modality))
            {
                modalities.Add(modality);
            }
        }

        return modalities;
    }

    private async Task<IReadOnlySet<string>> KnownFieldsAsync(CancellationToken cancellationToken)
    {
        var fields = new HashSet<string>(await catalog.MetadataFieldsAsync(cancellationToken), StringComparer.Ordinal);
        fields.UnionWith(StandardFields);
        return fields;
    }
}
