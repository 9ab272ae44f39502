using System.Security.Cryptography;
using System.Text;

namespace Baize.Indexer.Items;

/// <summary>Ids derived from content, so that the same bytes or the same segment always get the same id.</summary>
public static class ContentIdentity
{
    /// <summary>The item id of content with this SHA-256 (hex): its first 128 bits, readable as a prefix of the hash.</summary>
    public static Guid ItemId(string sha256Hex) => Guid.ParseExact(sha256Hex[..32], "N");

    /// <summary>The point id of one segment of an item under one modality; rewriting it replaces the point.</summary>
    public static Guid PointId(Guid itemId, string modality, int segment)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{itemId:N}/{modality}/{segment}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
