using Baize.Corpus.Captions;
using Baize.Corpus.Generation;
using Baize.Corpus.Rendering;
using Baize.Corpus.Samples;
using Baize.Corpus.Speech;
using Baize.Corpus.Tests.Support;
using SkiaSharp;

namespace Baize.Corpus.Tests.Generation;

public sealed class CorpusGeneratorTests(TinyCorpora corpora) : IClassFixture<TinyCorpora>
{
    [Fact]
    public void Generator_is_deterministic_for_a_seed()
    {
        var first = RelativeFiles(corpora.First);

        Assert.Equal(first, RelativeFiles(corpora.Second));
        foreach (var file in first.Where(file => file != "corpus.json"))
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(corpora.First, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(corpora.Second, file))),
                $"{file} differs between two generations with the same seed");
        }

        var manifest = CorpusReader.Open(corpora.First).Manifest;
        Assert.Equal(manifest with { CreatedUtc = default }, CorpusReader.Open(corpora.Second).Manifest with { CreatedUtc = default }, ManifestComparer);
    }

    [Fact]
    public void Generator_gives_a_different_corpus_for_another_seed()
    {
        foreach (var split in CorpusSplits.All)
        {
            Assert.NotEqual(
                File.ReadAllText(Path.Combine(corpora.First, split, "samples.jsonl")),
                File.ReadAllText(Path.Combine(corpora.OtherSeed, split, "samples.jsonl")));
        }

        var firstImage = File.ReadAllBytes(Path.Combine(corpora.First, "train", "images", "train-scene-00000.png"));
        var otherImage = File.ReadAllBytes(Path.Combine(corpora.OtherSeed, "train", "images", "train-scene-00000.png"));
        Assert.False(firstImage.AsSpan().SequenceEqual(otherImage));
    }

    [Fact]
    public void Every_split_holds_the_requested_samples_with_unique_ids()
    {
        var reader = CorpusReader.Open(corpora.First);

        foreach (var split in CorpusSplits.All)
        {
            var samples = reader.ReadSplit(split);
            var size = TinyCorpora.Options.SizeOf(split);
            Assert.Equal(size.Scenes, samples.Count(sample => sample.Kind == SampleKind.Scene));
            Assert.Equal(size.Clips, samples.Count(sample => sample.Kind == SampleKind.Clip));
            Assert.All(samples, sample => Assert.Equal(split, sample.Split));
        }

        var ids = CorpusSplits.All.SelectMany(reader.ReadSplit).Select(sample => sample.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Every_referenced_file_exists_and_decodes_Async()
    {
        var reader = CorpusReader.Open(corpora.First);
        foreach (var sample in CorpusSplits.All.SelectMany(reader.ReadSplit))
        {
            var wav = MediaProbe.ReadWav(reader.ResolvePath(sample, sample.AudioPath));
            Assert.Equal((16_000, 1, 16), (wav.SampleRate, wav.Channels, wav.Bits));
            Assert.InRange(wav.Seconds, 0.5, SpeechSynthesizer.MaxSeconds);
            Assert.True(wav.Peak > 3_000, $"{sample.AudioPath} is nearly silent");

            if (sample.Kind == SampleKind.Scene)
            {
                Assert.Null(sample.VideoPath);
                var path = reader.ResolvePath(sample, sample.ImagePath!);
                using var bitmap = SKBitmap.Decode(path);
                Assert.Equal((64, 64), (bitmap.Width, bitmap.Height));
                // IHDR: 8-bit truecolour (RGB, no alpha).
                Assert.Equal([8, 2], File.ReadAllBytes(path)[24..26]);
                Assert.Contains(bitmap.Pixels, pixel => Math.Max(pixel.Red, Math.Max(pixel.Green, pixel.Blue)) > 150);
            }
            else
            {
                Assert.Null(sample.ImagePath);
                var video = await MediaProbe.ProbeVideoAsync(reader.ResolvePath(sample, sample.VideoPath!), TestContext.Current.CancellationToken);
                Assert.Equal("h264", video["codec_name"]);
                Assert.Equal("yuv420p", video["pix_fmt"]);
                Assert.Equal(("64", "64"), (video["width"], video["height"]));
                Assert.Equal("16", video["nb_read_frames"]);
            }
        }
    }

    [Fact]
    public void Clips_have_a_motion_and_scenes_have_none()
    {
        var samples = CorpusSplits.All.SelectMany(CorpusReader.Open(corpora.First).ReadSplit).ToList();

        Assert.All(samples.Where(sample => sample.Kind == SampleKind.Clip), sample => Assert.Contains(sample.Attributes.Motion, ClipMotions.All));
        Assert.All(samples.Where(sample => sample.Kind == SampleKind.Scene), sample => Assert.Null(sample.Attributes.Motion));
        Assert.All(
            samples.Where(sample => sample.Attributes.Motion is "zoom-in" or "zoom-out"),
            sample => Assert.Equal("centre", Assert.Single(sample.Attributes.Items).Position));
    }

    [Fact]
    public void Test_split_uses_held_out_phrasings_and_voices()
    {
        var reader = CorpusReader.Open(corpora.First);
        var train = reader.ReadSplit(CorpusSplits.Train).Concat(reader.ReadSplit(CorpusSplits.Validation)).ToList();
        var test = reader.ReadSplit(CorpusSplits.Test);

        var trainSkeletons = train.Select(sample => CaptionSkeleton.Of(sample.Caption)).ToHashSet();
        Assert.All(test, sample => Assert.DoesNotContain(CaptionSkeleton.Of(sample.Caption), trainSkeletons));
        Assert.All(test, sample => Assert.Contains(VoiceCatalog.AccentOf(sample.Voice), VoiceCatalog.TestAccents));
        Assert.All(train, sample => Assert.DoesNotContain(VoiceCatalog.AccentOf(sample.Voice), VoiceCatalog.TestAccents));
        // Tiny train splits cannot cover the vocabulary; the manifest says which test words they miss.
        var trainWords = train.Where(sample => sample.Split == CorpusSplits.Train).SelectMany(sample => CaptionWords.Of(sample.Caption)).ToHashSet();
        var missing = test.SelectMany(sample => CaptionWords.Of(sample.Caption)).Where(word => !trainWords.Contains(word)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(missing, reader.Manifest.TestWordsMissingFromTrain);
    }

    [Fact]
    public void Progress_reaches_every_split_total()
    {
        List<CorpusProgress> reports;
        lock (corpora.FirstProgress)
        {
            reports = [.. corpora.FirstProgress];
        }

        foreach (var split in CorpusSplits.All)
        {
            var total = TinyCorpora.Options.SizeOf(split).Total;
            Assert.Contains(new CorpusProgress(split, total, total), reports);
        }
    }

    [Fact]
    public async Task Generating_again_with_the_same_options_does_nothing_unless_forced_Async()
    {
        var generator = new CorpusGenerator();
        var manifest = Path.Combine(corpora.Second, "corpus.json");
        var written = File.GetLastWriteTimeUtc(manifest);

        var again = await generator.GenerateAsync(corpora.Second, TinyCorpora.Options, null, TestContext.Current.CancellationToken);

        Assert.False(again.Generated);
        Assert.True(corpora.FirstSummary.Generated);
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));

        var forced = await generator.GenerateAsync(corpora.Second, TinyCorpora.Options with { Force = true }, null, TestContext.Current.CancellationToken);

        Assert.True(forced.Generated);
        Assert.Equal(
            File.ReadAllText(Path.Combine(corpora.First, "test", "samples.jsonl")),
            File.ReadAllText(Path.Combine(corpora.Second, "test", "samples.jsonl")));
    }

    [Fact]
    public void A_scene_frame_shows_the_item_in_its_colour_at_its_position()
    {
        var plan = new SamplePlanner(5, RealData.Pools).Plan(CorpusSplits.Train, SampleKind.Scene, 0);
        var frame = new byte[Frame.ValuesPerFrame];
        FramePainter.Paint(BackgroundPainter.Paint(plan.Background), plan.Tracks, RealData.Train, 0f, frame);

        foreach (var track in plan.Tracks)
        {
            var colour = Palette.Colour(track.Item.Colour);
            var centre = track.CentreAt(0f);
            var brightest = Enumerable.Range(0, 64 * 64)
                .Where(pixel => Math.Abs((pixel % 64) - centre.X) < track.FromSize / 2 && Math.Abs((pixel / 64) - centre.Y) < track.FromSize / 2)
                .MaxBy(pixel => frame[pixel * 3] + frame[(pixel * 3) + 1] + frame[(pixel * 3) + 2]);
            // The brightest pixel inside the item's box has the item's hue: its channels rank like the palette colour's.
            var pixelChannels = new[] { frame[brightest * 3], frame[(brightest * 3) + 1], frame[(brightest * 3) + 2] };
            Assert.True(
                Rank(pixelChannels.Select(value => (float)value).ToArray()) == Rank([colour.R, colour.G, colour.B]) || track.Item.Colour == "white",
                $"{track.Item.Colour} item drawn as ({string.Join(", ", pixelChannels)})");
        }
    }

    private static string Rank(float[] channels) =>
        string.Concat(Enumerable.Range(0, 3).OrderByDescending(channel => channels[channel]).ThenBy(channel => channel));

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal)];

    private static readonly IEqualityComparer<CorpusManifest> ManifestComparer = EqualityComparer<CorpusManifest>.Create(
        (left, right) => left!.GeneratorVersion == right!.GeneratorVersion
            && left.Seed == right.Seed
            && left.Splits.SequenceEqual(right.Splits)
            && left.TestWordsMissingFromTrain.SequenceEqual(right.TestWordsMissingFromTrain),
        manifest => manifest.Seed);
}
