using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.Indexer.Originals;

namespace Baize.Indexer.Ingestion;

/// <summary>Deletes an item everywhere: catalogue, points in every collection of its modalities, and the original.</summary>
public sealed class ItemRemover(ItemCatalog catalog, ModalityCollections collections, OriginalStore originals)
{
    /// <summary>False when there was no such item.</summary>
    public async Task<bool> DeleteAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await catalog.GetItemAsync(itemId, cancellationToken);
        if (item is null || !await catalog.DeleteItemAsync(itemId, cancellationToken))
        {
            return false;
        }

        await RemovePointsAsync(item, cancellationToken);
        originals.Delete(item.Sha256);
        return true;
    }

    public async Task RemovePointsAsync(ItemRecord item, CancellationToken cancellationToken)
    {
        foreach (var modality in ItemIndexer.ModalitiesOf(item.Kind))
        {
            await collections.DeleteItemAsync(modality, item.Id, cancellationToken);
        }
    }
}
