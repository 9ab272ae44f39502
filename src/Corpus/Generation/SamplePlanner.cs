using System.Globalization;
using System.Numerics;
using Baize.Corpus.Captions;
using Baize.Corpus.Mnist;
using Baize.Corpus.Rendering;
using Baize.Corpus.Samples;
using Baize.Corpus.Speech;

namespace Baize.Corpus.Generation;

/// <summary>
/// Draws the content of every sample: items, colours, layout, motion, background, caption and voice.
/// Each sample has its own seeded <see cref="Random"/>, so plans are reproducible one by one.
/// </summary>
internal sealed class SamplePlanner
{
    private const float SceneJitter = 3f;
    private const float ClipJitter = 5f;
    private const double PairSceneShare = 0.4;
    private const double PairClipShare = 0.3;

    private readonly int _seed;
    private readonly ImagePools _pools;

    public SamplePlanner(int seed, ImagePools pools)
    {
        _seed = seed;
        _pools = pools;
    }

    public IReadOnlyList<SamplePlan> PlanSplit(string split, SplitSize size) =>
    [
        .. Enumerable.Range(0, size.Scenes).Select(index => Plan(split, SampleKind.Scene, index)),
        .. Enumerable.Range(0, size.Clips).Select(index => Plan(split, SampleKind.Clip, index)),
    ];

    public SamplePlan Plan(string split, SampleKind kind, int index)
    {
        var random = new Random(SampleSeeds.For(_seed, split, kind, index));
        var id = string.Create(CultureInfo.InvariantCulture, $"{split}-{(kind == SampleKind.Scene ? "scene" : "clip")}-{index:D5}");
        var (tracks, motion) = kind == SampleKind.Scene ? (PlanScene(split, random), (string?)null) : PlanClip(split, random);
        var background = PlanBackground(random);
        var attributes = new SceneAttributes([.. tracks.Select(track => track.Item)], background.Style, motion);
        var caption = CaptionWriter.Write(attributes, split, random);
        return new SamplePlan(id, split, kind, attributes, caption, background, tracks, PlanSpeech(split, random));
    }

    private List<ItemTrack> PlanScene(string split, Random random)
    {
        if (random.NextDouble() >= PairSceneShare)
        {
            var position = Pick(ItemPositions.Single, random);
            var (sizeName, pixels) = PickSize(random);
            var centre = Clamp(Nominal(position) + Jitter(random, SceneJitter), pixels, 0, Frame.Side);
            return [Track(split, random, position, sizeName, centre, centre, pixels, pixels)];
        }

        var horizontal = random.Next(2) == 0;
        string[] positions = horizontal ? [ItemPositions.Left, ItemPositions.Right] : [ItemPositions.Top, ItemPositions.Bottom];
        var tracks = new List<ItemTrack>(2);
        for (var slot = 0; slot < 2; slot++)
        {
            var (sizeName, pixels) = PickSize(random);
            // Each item stays in its own half of the frame, so the two never overlap.
            var centre = ClampToHalf(Nominal(positions[slot]) + Jitter(random, SceneJitter), pixels, horizontal, slot);
            tracks.Add(Track(split, random, positions[slot], sizeName, centre, centre, pixels, pixels));
        }

        return Distinct(tracks) ? tracks : PlanScene(split, random);
    }

    // Single items move away from their starting position (Position names it); pairs move across their
    // arrangement (a left/right pair moves up or down) so they never collide.
    private (List<ItemTrack> Tracks, string Motion) PlanClip(string split, Random random)
    {
        if (random.NextDouble() >= PairClipShare)
        {
            var motion = Pick(ClipMotions.All, random);
            if (ClipMotions.IsZoom(motion))
            {
                var centre = new Vector2(Frame.Side / 2f) + Jitter(random, SceneJitter);
                var small = Uniform(random, 14f, 18f);
                var large = Uniform(random, 40f, 46f);
                return motion == ClipMotions.ZoomIn
                    ? ([Track(split, random, ItemPositions.Centre, ItemSizes.Small, centre, centre, small, large)], motion)
                    : ([Track(split, random, ItemPositions.Centre, ItemSizes.Large, centre, centre, large, small)], motion);
            }

            var (sizeName, pixels) = PickSize(random);
            var across = Uniform(random, -ClipJitter, ClipJitter);
            var (start, from, to) = DirectionalPath(motion, across);
            return ([Track(split, random, start, sizeName, from, to, pixels, pixels)], motion);
        }

        var horizontalPair = random.Next(2) == 0;
        string[] positions = horizontalPair ? [ItemPositions.Left, ItemPositions.Right] : [ItemPositions.Top, ItemPositions.Bottom];
        var pairMotion = horizontalPair ? Pick([ClipMotions.Up, ClipMotions.Down], random) : Pick([ClipMotions.Left, ClipMotions.Right], random);
        var tracks = new List<ItemTrack>(2);
        for (var slot = 0; slot < 2; slot++)
        {
            var (sizeName, pixels) = PickSize(random);
            var lane = Nominal(positions[slot]);
            var (_, from, to) = DirectionalPath(pairMotion, 0f);
            var offset = horizontalPair ? new Vector2(lane.X - (Frame.Side / 2f), 0f) : new Vector2(0f, lane.Y - (Frame.Side / 2f));
            tracks.Add(Track(split, random, positions[slot], sizeName, from + offset, to + offset, pixels, pixels));
        }

        return Distinct(tracks) ? (tracks, pairMotion) : PlanClip(split, random);
    }

    /// <summary>Start position, first and last centre of a single item moving in a direction.</summary>
    private static (string Start, Vector2 From, Vector2 To) DirectionalPath(string motion, float across)
    {
        const float Near = 16f;
        const float Far = 48f;
        var middle = (Frame.Side / 2f) + across;
        return motion switch
        {
            ClipMotions.Left => (ItemPositions.Right, new Vector2(Far, middle), new Vector2(Near, middle)),
            ClipMotions.Right => (ItemPositions.Left, new Vector2(Near, middle), new Vector2(Far, middle)),
            ClipMotions.Up => (ItemPositions.Bottom, new Vector2(middle, Far), new Vector2(middle, Near)),
            ClipMotions.Down => (ItemPositions.Top, new Vector2(middle, Near), new Vector2(middle, Far)),
            _ => throw new ArgumentException($"'{motion}' is not a direction.", nameof(motion)),
        };
    }

    private ItemTrack Track(string split, Random random, string position, string size, Vector2 from, Vector2 to, float fromSize, float toSize)
    {
        var category = random.Next(FashionMnist.ClassNames.Count);
        var colour = Pick(Palette.Names, random);
        var item = new SceneItem(FashionMnist.ClassNames[category], colour, position, size);
        return new ItemTrack(item, _pools.Pick(split, category, random), from, to, fromSize, toSize);
    }

    private static BackgroundPlan PlanBackground(Random random)
    {
        var style = Pick(BackgroundStyles.All, random);
        return new BackgroundPlan(style, DarkTone(random), DarkTone(random), random.Next(3), Uniform(random, 0.04f, 0.10f), random.Next());
    }

    // Dim and slightly tinted, so every palette colour (even blue and purple) stays clearly visible.
    private static Rgb DarkTone(Random random)
    {
        var brightness = Uniform(random, 0.03f, 0.2f);
        return new Rgb(brightness * Uniform(random, 0.6f, 1f), brightness * Uniform(random, 0.6f, 1f), brightness * Uniform(random, 0.6f, 1f));
    }

    private static SpeechSettings PlanSpeech(string split, Random random)
    {
        var voice = Pick(VoiceCatalog.AccentsFor(split), random) + Pick(VoiceCatalog.Variants, random);
        return new SpeechSettings(voice, random.Next(140, 191), random.Next(30, 71), Uniform(random, 0.002f, 0.008f), random.Next());
    }

    private static (string Name, float Pixels) PickSize(Random random) =>
        random.Next(2) == 0 ? (ItemSizes.Small, Uniform(random, 20f, 25f)) : (ItemSizes.Large, Uniform(random, 27f, 32f));

    private static Vector2 Nominal(string position) => position switch
    {
        ItemPositions.Left => new Vector2(16f, 32f),
        ItemPositions.Right => new Vector2(48f, 32f),
        ItemPositions.Top => new Vector2(32f, 16f),
        ItemPositions.Bottom => new Vector2(32f, 48f),
        _ => new Vector2(32f, 32f),
    };

    private static Vector2 ClampToHalf(Vector2 centre, float pixels, bool horizontal, int slot)
    {
        var half = Frame.Side / 2f;
        return horizontal
            ? new Vector2(Clamp(centre, pixels, slot * half, (slot + 1) * half).X, Clamp(centre, pixels, 0, Frame.Side).Y)
            : new Vector2(Clamp(centre, pixels, 0, Frame.Side).X, Clamp(centre, pixels, slot * half, (slot + 1) * half).Y);
    }

    private static Vector2 Clamp(Vector2 centre, float pixels, float low, float high) =>
        Vector2.Clamp(centre, new Vector2(low + (pixels / 2f)), new Vector2(high - (pixels / 2f)));

    private static bool Distinct(List<ItemTrack> tracks) =>
        tracks[0].Item.Category != tracks[1].Item.Category || tracks[0].Item.Colour != tracks[1].Item.Colour;

    private static Vector2 Jitter(Random random, float amount) =>
        new(Uniform(random, -amount, amount), Uniform(random, -amount, amount));

    private static float Uniform(Random random, float low, float high) => low + ((float)random.NextDouble() * (high - low));

    private static T Pick<T>(IReadOnlyList<T> options, Random random) => options[random.Next(options.Count)];
}
