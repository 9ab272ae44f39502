namespace Baize.Vectors.Embedded;

/// <summary>
/// Point ids are stored as 16 big-endian (RFC 4122) bytes. SQLite compares blobs with memcmp, so that order is the
/// order of the canonical string form, which is also <see cref="Guid.CompareTo(Guid)"/> and Qdrant's UUID order.
/// </summary>
internal static class GuidBytes
{
    public static byte[] ToBlob(Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    public static void Write(Guid id, Span<byte> destination) => id.TryWriteBytes(destination, bigEndian: true, out _);

    public static Guid FromBlob(ReadOnlySpan<byte> blob) => new(blob, bigEndian: true);
}
