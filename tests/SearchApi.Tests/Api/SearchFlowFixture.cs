using System.Net;
using Baize.SearchApi.Tests.Support;
using Baize.TestSupport;
using SkiaSharp;

namespace Baize.SearchApi.Tests.Api;

/// <summary>
/// One running API with a small indexed corpus, shared by the search-flow tests: an image, a text, a speech
/// recording, a 10 s video with a sound track (several windows) and a silent 5 s video, each with its own metadata.
/// Made once per test class, because indexing real media with the shipped encoders takes a while.
/// </summary>
public sealed class SearchFlowFixture : IAsyncLifetime
{
    public const double VideoSeconds = 10;
    public const double SilentVideoSeconds = 5;
    public const string Caption = "a red dress on a wooden table";

    private readonly MediaFolder _media = new();

    public SearchApiFactory Factory { get; } = new(RepositoryPaths.ShippedModels, new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "false",
    });

    public HttpClient Client { get; private set; } = null!;

    internal CorpusItem Image { get; private set; } = null!;

    internal CorpusItem Text { get; private set; } = null!;

    internal CorpusItem Speech { get; private set; } = null!;

    internal CorpusItem Video { get; private set; } = null!;

    internal CorpusItem SilentVideo { get; private set; } = null!;

    internal IReadOnlyList<CorpusItem> All => [Image, Text, Speech, Video, SilentVideo];

    /// <summary>A query image (JPEG, not in the corpus) and a query recording (speech, not in the corpus).</summary>
    internal byte[] QueryJpeg { get; private set; } = [];

    internal byte[] QuerySpeech { get; private set; } = [];

    internal MediaFolder Media => _media;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var image = TestImages.Shape(SKColors.White, SKColors.Red);
        var text = System.Text.Encoding.UTF8.GetBytes(Caption);
        var speech = await _media.SpeechAsync("speech.wav", Caption, ct);
        var video = await _media.VideoAsync("pattern.mp4", "testsrc=size=64x64:rate=8", VideoSeconds, withAudio: true, ct);
        var silent = await _media.VideoAsync("silent.mkv", "testsrc2=size=64x64:rate=8", SilentVideoSeconds, withAudio: false, ct);
        QueryJpeg = TestImages.Shape(SKColors.LightGray, SKColors.DarkRed, 80, SKEncodedImageFormat.Jpeg);
        QuerySpeech = await _media.SpeechAsync("query.wav", "a blue shirt", ct);

        Client = Factory.CreateClient();
        Image = await UploadAsync(new UploadFile(image, "dress.png", "image/png"),
            """{"title":"red dress photo","tags":["dress","red"],"source":"camera","color":"red","year":2020,"rating":4.5,"featured":true}""");
        Text = await UploadAsync(new UploadFile(text, "caption.txt", "text/plain"),
            """{"title":"caption","tags":["caption"],"source":"editor","color":"blue","year":2021,"rating":3,"featured":false}""");
        Speech = await UploadAsync(new UploadFile(speech, "speech.wav", "audio/wav"),
            """{"title":"spoken caption","tags":["speech","red"],"source":"microphone","color":"red","year":2019,"rating":2.0,"featured":false}""");
        Video = await UploadAsync(new UploadFile(video, "pattern.mp4", "video/mp4"),
            """{"title":"test pattern","tags":["video","pattern"],"source":"camera","color":"green","year":2022,"rating":5,"featured":true}""");
        SilentVideo = await UploadAsync(new UploadFile(silent, "silent.mkv", "video/x-matroska"),
            """{"title":"silent pattern","tags":["video","silent"],"source":"camera","color":"green","year":2023,"rating":1,"featured":false}""");

        foreach (var item in All)
        {
            item.Job = await ApiCalls.WaitForJobAsync(Client, item.Upload.JobId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Factory.DisposeAsync();
        _media.Dispose();
    }

    /// <summary>Which corpus item an id belongs to ("image", "text", …), or the id itself for anything else.</summary>
    internal string NameOf(string id) => All.FirstOrDefault(item => item.Upload.ItemId == id)?.Name ?? id;

    private async Task<CorpusItem> UploadAsync(UploadFile file, string metadata)
    {
        using var response = await ApiCalls.UploadAsync(Client, [file], metadata);
        var status = response.StatusCode;
        var location = response.Headers.Location?.ToString();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (status != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Uploading {file.FileName} answered {(int)status}: {body}");
        }

        var upload = System.Text.Json.JsonSerializer.Deserialize<UploadResult>(body, ApiWire.Json)!;
        var name = Path.GetFileNameWithoutExtension(file.FileName) switch
        {
            "dress" => "image",
            "caption" => "text",
            "speech" => "speech",
            "pattern" => "video",
            _ => "silent",
        };
        return new CorpusItem(name, file, metadata, upload.Items.Single(), location);
    }
}

/// <summary>One uploaded corpus file, its upload answer and the job it ended with.</summary>
internal sealed class CorpusItem(string name, UploadFile file, string metadata, UploadedItem upload, string? location)
{
    public string Name { get; } = name;

    public UploadFile File { get; } = file;

    public string Metadata { get; } = metadata;

    public UploadedItem Upload { get; } = upload;

    public string? Location { get; } = location;

    public string Id => Upload.ItemId;

    public JobView Job { get; set; } = null!;
}
