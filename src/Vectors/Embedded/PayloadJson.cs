using System.Buffers;
using System.Text.Json;

namespace Baize.Vectors.Embedded;

/// <summary>Payloads as stored: the UTF-8 JSON of <see cref="Payload.WriteJson"/>, read back with <see cref="Payload.FromJson"/>.</summary>
internal static class PayloadJson
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static byte[] Serialize(IReadOnlyDictionary<string, object> payload)
    {
        if (payload.Count == 0)
        {
            return EmptyObject;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Payload.WriteJson(writer, payload);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a payload; <paramref name="scratch"/> is a reusable buffer (JsonDocument parses from memory,
    /// and the span of a SQLite column is only valid until the next row).</summary>
    public static IReadOnlyDictionary<string, object> Parse(ReadOnlySpan<byte> utf8, ref byte[] scratch)
    {
        // Most points in bulk loads carry small or empty payloads; "{}" needs no parser.
        if (utf8.SequenceEqual(EmptyObject))
        {
            return Payload.Empty;
        }

        if (scratch.Length < utf8.Length)
        {
            scratch = new byte[Math.Max(utf8.Length, scratch.Length * 2)];
        }

        utf8.CopyTo(scratch);
        using var document = JsonDocument.Parse(scratch.AsMemory(0, utf8.Length));
        return Payload.FromJson(document.RootElement);
    }
}
