using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace Baize.TestSupport;

/// <summary>Images drawn with SkiaSharp and encoded in memory, plus a hand-made PNG header for decompression-bomb tests.</summary>
public static class TestImages
{
    /// <summary>JPEG and WebP quality: high enough that a solid colour survives within the preprocessing tests' tolerance.</summary>
    private const int Quality = 95;

    public static byte[] Solid(SKColor color, int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Draw(width, height, format, canvas => canvas.Clear(color));

    /// <summary>A shape of <paramref name="shape"/> colour on a <paramref name="background"/> canvas.</summary>
    public static byte[] Shape(SKColor background, SKColor shape, int size = 96, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Draw(size, size, format, canvas =>
        {
            canvas.Clear(background);
            using var paint = new SKPaint { Color = shape, IsAntialias = true };
            canvas.DrawRect(size * 0.25f, size * 0.15f, size * 0.5f, size * 0.7f, paint);
        });

    /// <summary>A small PNG, different for every <paramref name="seed"/>: a coloured background with a square.</summary>
    public static byte[] Seeded(int seed, int size = 48)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) };
            var side = size / 2f;
            canvas.DrawRect(random.Next(size / 2), random.Next(size / 2), side, side, paint);

            // The seed itself in one pixel: two seeds whose random colours happen to match still differ.
            bitmap.SetPixel(0, 0, new SKColor((byte)(seed & 0xFF), (byte)((seed >> 8) & 0xFF), 7));
        }

        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>Vertical bands of equal width, left to right.</summary>
    public static byte[] Bands(int width, int height, params SKColor[] colors) =>
        Draw(width, height, SKEncodedImageFormat.Png, canvas =>
        {
            var band = (float)width / colors.Length;
            using var paint = new SKPaint();
            for (var i = 0; i < colors.Length; i++)
            {
                paint.Color = colors[i];
                canvas.DrawRect(i * band, 0, band, height, paint);
            }
        });

    /// <summary>Alternating black and white single pixels: the worst case for aliasing when downscaled.</summary>
    public static byte[] Checkerboard(int size)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < size * size; i++)
        {
            var value = (byte)(((i % size) + (i / size)) % 2 == 0 ? 0 : 255);
            pixels.Slice(i * 4, 4).Fill(value);
            pixels[(i * 4) + 3] = 255;
        }

        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

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

    public static byte[] Transparent(int size) =>
        Draw(size, size, SKEncodedImageFormat.Png, canvas => canvas.Clear(SKColors.Transparent));

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
        using var data = image.Encode(format, Quality);
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
