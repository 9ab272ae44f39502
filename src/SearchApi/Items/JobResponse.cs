namespace Baize.SearchApi.Items;

/// <summary>A job as <c>GET /v1/jobs/{id}</c> shows it: the status of the item it brought in ("deleted" once the item is gone).</summary>
public sealed record JobResponse(string Id, string ItemId, string Status, string? Error, DateTimeOffset Created, string ItemUrl);
