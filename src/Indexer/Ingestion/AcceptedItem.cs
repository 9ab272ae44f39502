using Baize.Indexer.Items;

namespace Baize.Indexer.Ingestion;

public sealed record AcceptedItem(ItemRecord Item, JobRecord Job);
