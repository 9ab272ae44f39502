namespace Baize.SearchApi.Items;

public sealed record IngestResponse(IReadOnlyList<AcceptedUpload> Items);
