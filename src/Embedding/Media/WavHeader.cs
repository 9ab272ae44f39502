using System.Buffers.Binary;

namespace Baize.Embedding.Media;

/// <summary>Reads just enough of a RIFF/WAVE header to tell whether the file was cut short.</summary>
internal static class WavHeader
{
    /// <summary>Streaming writers put these in the size field when they do not know the length yet.</summary>
    private const uint UnknownSize = 0xFFFFFFFF;

    public static bool DataExtendsPastEnd(Stream stream)
    {
        var length = stream.Length;
        long offset = 12;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (offset + chunkHeader.Length <= length)
        {
            stream.Position = offset;
            stream.ReadExactly(chunkHeader);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            var dataStart = offset + chunkHeader.Length;
            if (chunkHeader[..4].SequenceEqual("data"u8))
            {
                return size is not (0 or UnknownSize) && dataStart + size > length;
            }

            // Chunks are padded to an even length.
            offset = dataStart + size + (size & 1);
        }

        return false;
    }
}
