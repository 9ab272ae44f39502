namespace Baize.Vectors.Embedded;

/// <summary>A point as stored: vector already normalised for cosine collections, payload as read back from its JSON.</summary>
/// <param name="PayloadJson">The payload's stored JSON when it is about to be written; null when read back.</param>
internal sealed record StoredPoint(Guid Id, float[] Vector, IReadOnlyDictionary<string, object> Payload, byte[]? PayloadJson = null);
