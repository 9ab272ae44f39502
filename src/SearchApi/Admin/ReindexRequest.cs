namespace Baize.SearchApi.Admin;

public sealed record ReindexRequest(string? Modality);
