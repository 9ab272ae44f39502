namespace Baize.Indexer.Items;

/// <summary>One accepted upload: the caller follows its item's progress through the job id.</summary>
public sealed record JobRecord(Guid Id, Guid ItemId, DateTimeOffset Created);
