namespace Baize.SearchApi.Items;

/// <summary>One file of a <c>POST /v1/items</c> request, accepted for indexing.</summary>
public sealed record AcceptedUpload(string JobId, string ItemId, string Kind, string? FileName, string Status, string JobUrl, string ItemUrl);
