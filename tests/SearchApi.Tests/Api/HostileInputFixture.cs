using System.IO.Compression;
using Baize.Embedding;
using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.SearchApi.Tests.Support;
using Baize.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Baize.SearchApi.Tests.Api;

/// <summary>
/// A running API with API keys, a small upload limit and one indexed item, plus a corpus of broken and hostile
/// files made from real media; and a snapshot of everything stored, to show a refused request changed nothing.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public const long MaxFileBytes = 300_000;
    public const int MaxFilesPerRequest = 4;
    public const string SearchKey = "search-key-3q2+7wYxTzL0";
    public const string IngestKey = "ingest-key-Pm4RkV9sQa1c";
    public const string AdminKey = "admin-key-Zx8LdN2uWe6h";
    public const string SeedQuery = "a red dress";

    private readonly MediaFolder _media = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public SearchApiFactory Factory { get; } = new(RepositoryPaths.ShippedModels, new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "false",
        ["Ingestion:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Ingestion:MaxFilesPerRequest"] = MaxFilesPerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:Keys:0:Key"] = SearchKey,
        ["Auth:Keys:0:Name"] = "search-client",
        ["Auth:Keys:0:Roles:0"] = "search",
        ["Auth:Keys:1:Key"] = IngestKey,
        ["Auth:Keys:1:Name"] = "ingest-client",
        ["Auth:Keys:1:Roles:0"] = "ingest",
        ["Auth:Keys:2:Key"] = AdminKey,
        ["Auth:Keys:2:Name"] = "admin-client",
        ["Auth:Keys:2:Roles:0"] = "admin",
    });

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The indexed item every snapshot looks at.</summary>
    public string SeedId { get; private set; } = "";

    internal byte[] SeedBytes { get; private set; } = [];

    /// <summary>A hostile or broken file of the corpus, by name.</summary>
    internal byte[] File(string name) => _files[name];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var tone = await _media.ToneAsync("tone.wav", 1000, 3, ct);
        var mp3 = await _media.ToneAsync("tone.mp3", 1000, 3, ct);
        var ogg = await _media.ToneAsync("tone.ogg", 1000, 3, ct);
        var flac = await _media.ToneAsync("tone.flac", 1000, 3, ct);
        var mp4 = await _media.VideoAsync("clip.mp4", "testsrc=size=64x64:rate=8", 4, withAudio: true, ct);
        var fastStart = await _media.VideoAsync("clip-faststart.mp4", "testsrc=size=64x64:rate=8", 4, withAudio: true, ct, "-movflags", "+faststart");
        var mkv = await _media.VideoAsync("clip.mkv", "testsrc=size=64x64:rate=8", 4, withAudio: true, ct);

        // A valid 8 s video whose sound track stops after 2 s (no -shortest): common in real recordings.
        await CommandLine.FfmpegAsync(ct, "-f", "lavfi", "-i", "testsrc2=size=64x64:rate=8:duration=8", "-f", "lavfi", "-i", "sine=frequency=660:duration=2",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", _media.Path("short-sound-track.mp4"));
        _files["short-sound-track.mp4"] = await System.IO.File.ReadAllBytesAsync(_media.Path("short-sound-track.mp4"), ct);

        // Damaged images: decoded in full at upload, so refused at once.
        _files["truncated.png"] = Half(TestImages.Noise(128, SKEncodedImageFormat.Png));
        _files["truncated.jpg"] = Half(TestImages.Noise(128, SKEncodedImageFormat.Jpeg));
        _files["jpeg-header-then-garbage.jpg"] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, .. RandomBytes(4000, 1)];
        _files["png-signature-then-garbage.png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(2048, 2)];
        _files["bomb.png"] = TestImages.PngHeaderClaiming(50_000, 50_000);

        // Damaged audio and video that ffprobe cannot read: refused at upload.
        _files["truncated.wav"] = Half(tone);
        _files["riff-then-garbage.wav"] = [.. "RIFF\x10\0\0\0WAVE"u8, .. RandomBytes(4000, 3)];
        _files["id3-then-garbage.mp3"] = [.. "ID3"u8, .. RandomBytes(20_000, 4)];
        _files["oggs-then-garbage.ogg"] = [.. "OggS"u8, .. RandomBytes(20_000, 5)];
        _files["truncated.ogg"] = Half(ogg);
        _files["flac-signature-then-garbage.flac"] = [.. "fLaC"u8, .. RandomBytes(20_000, 6)];
        _files["truncated-moov-missing.mp4"] = Half(mp4);
        _files["ftyp-then-garbage.mp4"] = [0, 0, 0, 0x18, .. "ftypisom"u8, .. RandomBytes(8000, 7)];
        _files["ebml-header-then-garbage.mkv"] = [0x1A, 0x45, 0xDF, 0xA3, .. RandomBytes(20_000, 8)];

        // Damaged in a way the upload probe cannot see (the container still declares its streams and duration).
        _files["truncated.mp3"] = Half(mp3);
        _files["truncated.flac"] = Half(flac);
        _files["truncated-faststart.mp4"] = Half(fastStart);
        _files["truncated.mkv"] = Half(mkv);

        // Not media at all, or not what it claims to be.
        _files["random.bin"] = RandomBytes(20_000, 9);
        _files["document.pdf"] = [.. "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8];
        _files["archive.zip"] = Zip();
        _files["notes.txt"] = "a red dress on a wooden table"u8.ToArray();
        _files["invalid-utf8.txt"] = [0x61, 0x20, 0xC3, 0x28, 0x62, 0xFF, 0xFE];
        _files["utf16-bom-then-random.txt"] = [0xFE, 0xFF, .. RandomBytes(4000, 10)];
        _files["blank.txt"] = " \n\t "u8.ToArray();
        _files["long.txt"] = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a red dress ", 1_000)));
        _files["empty"] = [];
        _files["oversized.png"] = TestImages.Noise(400, SKEncodedImageFormat.Png);
        _files["good.png"] = TestImages.Shape(SKColors.Beige, SKColors.Blue, 48);
        if (_files["oversized.png"].Length <= MaxFileBytes || _files.Values.Where(file => file != _files["oversized.png"]).Any(file => file.Length > MaxFileBytes))
        {
            throw new InvalidOperationException("The hostile corpus does not fit the upload limit it is meant to test.");
        }

        SeedBytes = TestImages.Shape(SKColors.White, SKColors.Red, 96);
        Client = Factory.CreateClient();
        var seed = await ApiCalls.UploadAcceptedAsync(
            Client, [new UploadFile(SeedBytes, "seed.png", "image/png")], """{"title":"seed","tags":["seed"],"year":2020,"rating":4.5}""", IngestKey);
        SeedId = seed.Items.Single().ItemId;
        await ApiCalls.WaitForIndexedAsync(Client, seed.Items.Single().JobId, IngestKey);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Factory.DisposeAsync();
        _media.Dispose();
    }

    /// <summary>Everything a refused request must leave as it was: the catalogue, the stored originals (and an empty
    /// staging folder), the points of every modality, the seed item and a search's answer.</summary>
    internal async Task<StoredState> SnapshotAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = Factory.Services.GetRequiredService<ItemCatalog>();
        var collections = Factory.Services.GetRequiredService<ModalityCollections>();
        var items = new List<string>();
        await foreach (var item in catalog.ListAsync(cancellationToken: ct))
        {
            items.Add($"{item.Id} {item.Status} {item.Updated:O} {item.Error}");
        }

        var points = new List<string>();
        foreach (var modality in Enum.GetValues<Modality>())
        {
            // An empty collection holds no points: creating one (as a reindex does) stores nothing searchable.
            if (await collections.ServingCollectionAsync(modality, ct) is not null
                && await collections.Serving(modality).CountAsync(cancellationToken: ct) is > 0 and var count)
            {
                points.Add($"{modality}: {count}");
            }
        }

        var media = Path.Combine(Factory.DataFolder.FullName, "media");
        var files = Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories)
            .Select(path => $"{Path.GetRelativePath(media, path)} {new FileInfo(path).Length}")
            .Order(StringComparer.Ordinal)
            .ToList();

        using var itemResponse = await Client.SendAsync(ApiCalls.Request(HttpMethod.Get, $"/v1/items/{SeedId}", SearchKey), ct);
        var seed = $"{(int)itemResponse.StatusCode} {await itemResponse.Content.ReadAsStringAsync(ct)}";
        using var searchResponse = await ApiCalls.SearchRawAsync(Client, new { text = SeedQuery, top_k = 10 }, SearchKey);
        var search = $"{(int)searchResponse.StatusCode} {await searchResponse.Content.ReadAsStringAsync(ct)}";
        return new StoredState(string.Join('\n', items), string.Join('\n', points), string.Join('\n', files), seed, search);
    }

    private static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];

    /// <summary>Seeded noise whose first byte matches no media signature.</summary>
    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x42;
        return bytes;
    }

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("caption.txt").Open();
            entry.Write("a red dress"u8);
        }

        return buffer.ToArray();
    }
}

/// <summary>What was stored at one moment, as comparable text.</summary>
internal sealed record StoredState(string Catalog, string Points, string Originals, string SeedItem, string Search);
