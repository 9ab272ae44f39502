namespace Baize.Indexer.Items;

/// <summary>The payload fields the indexer writes into every point, next to the item's metadata.</summary>
public static class PointFields
{
    public const string ItemId = "item_id";
    public const string Kind = "kind";
    public const string Modality = "modality";
    public const string Segment = "segment";
    public const string Start = "start";
    public const string End = "end";
    public const string Encoder = "encoder";
}
