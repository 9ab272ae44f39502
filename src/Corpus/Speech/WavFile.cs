using System.Buffers.Binary;
using System.Text;

namespace Baize.Corpus.Speech;

/// <summary>16-bit PCM mono WAV: parses what espeak-ng writes and writes what the corpus stores.</summary>
public static class WavFile
{
    public static (int SampleRate, float[] Samples) ReadPcm16Mono(ReadOnlySpan<byte> wav, string source)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{source} did not produce a RIFF/WAVE file.");
        }

        var sampleRate = 0;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = Encoding.ASCII.GetString(wav.Slice(offset, 4));
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(wav[(offset + 4)..]);
            var body = wav[(offset + 8)..];
            if (id == "fmt ")
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format != 1 || channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"{source} wrote format {format}, {channels} channels, {bits} bits; expected 16-bit PCM mono.");
                }

                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
            }
            else if (id == "data")
            {
                // Streaming writers (espeak-ng --stdout) leave the size unknown; the data then runs to the end.
                var length = (int)Math.Min(declared, (uint)body.Length) & ~1;
                return sampleRate > 0
                    ? (sampleRate, ToFloats(body[..length]))
                    : throw new InvalidDataException($"{source} wrote audio data before its format chunk.");
            }

            offset += 8 + (int)Math.Min(declared + (declared & 1), (uint)(wav.Length - offset - 8));
        }

        throw new InvalidDataException($"{source} wrote a WAV file without audio data.");
    }

    public static byte[] WritePcm16Mono(ReadOnlySpan<float> samples, int sampleRate)
    {
        var dataLength = samples.Length * 2;
        var wav = new byte[44 + dataLength];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataLength);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataLength);
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (short)Math.Clamp(MathF.Round(samples[i] * short.MaxValue), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (2 * i))..], value);
        }

        return wav;
    }

    private static float[] ToFloats(ReadOnlySpan<byte> pcm)
    {
        var samples = new float[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm[(2 * i)..]) / (float)short.MaxValue;
        }

        return samples;
    }
}
