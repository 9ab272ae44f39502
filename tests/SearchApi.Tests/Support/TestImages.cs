using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace Baize.SearchApi.Tests.Support;

/// <summary>Images drawn with SkiaSharp and encoded in memory, plus a hand-made PNG header for decompression-bomb uploads.</summary>
internal static class TestImages
{
    /// <summary>A shape of <paramref name="shape"/> colour on a <paramref name="background"/> canvas.</summary>
    public static byte[] Shape(SKColor background, SKColor shape, int size = 96, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Draw(size, size, format, canvas =>
        {
            canvas.Clear(background);
            using var paint = new SKPaint { Color = shape, IsAntialias = true };
            canvas.DrawRect(size * 0.25f, size * 0.15f, size * 0.5f, size * 0.7f, paint);
        });

    /// <summary>Seeded random pixels: incompressible, so cutting the file in half cuts the pixel data.</summary>
    public static byte[] Noise(int size, SKEncodedImageFormat format, int seed = 7)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        return Encode(bitmap, format);
    }

    /// <summary>A well-formed PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with almost no data.</summary>
    public static byte[] PngHeaderClaiming(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[1024]);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format, Action<SKCanvas> paint)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            paint(canvas);
        }

        return Encode(bitmap, format);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality: 90);
        return data.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    /// <summary>The PNG chunk checksum (CRC-32, polynomial 0xEDB88320); libpng rejects a header with a wrong one.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
