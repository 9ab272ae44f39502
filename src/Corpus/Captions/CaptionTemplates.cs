using Baize.Corpus.Samples;

namespace Baize.Corpus.Captions;

/// <summary>
/// The phrasings of each split. Test phrasings are word orders and constructions train never uses, built only
/// from words that train phrasings also contain (a text encoder's vocabulary comes from train captions).
/// Captions stay short: they are spoken and must fit a 6 s audio window.
/// </summary>
internal static class CaptionTemplates
{
    public static IReadOnlyList<CaptionTemplate> Train { get; } =
    [
        new("train/single-scene/plain", CaptionShape.SingleScene, c => $"{c.A(0)} {c.Where(0)}"),
        new("train/single-scene/there-is", CaptionShape.SingleScene, c => $"{c.Where(0)} there is {c.A(0)}"),
        new("train/single-scene/is", CaptionShape.SingleScene, c => $"{c.The(0)} is {c.Where(0)}"),
        new("train/single-scene/picture-of", CaptionShape.SingleScene, c => $"a picture of {c.A(0)} {c.Where(0)}"),
        new("train/single-scene/you-can-see", CaptionShape.SingleScene, c => $"you can see {c.A(0)} {c.Where(0)}"),

        new("train/pair-scene/and", CaptionShape.PairScene, c => $"{c.A(0)} {c.Where(0)} and {c.A(1)} {c.Where(1)}"),
        new("train/pair-scene/relation", CaptionShape.PairScene, c => $"{c.A(0)} {c.Relation(0)} {c.A(1)}"),
        new("train/pair-scene/list", CaptionShape.PairScene, c => $"{c.Where(0)} {c.A(0)}, {c.Where(1)} {c.A(1)}"),
        new("train/pair-scene/with", CaptionShape.PairScene, c => $"{c.A(0)} with {c.A(1)} {c.PronounRelation(1)}"),

        new("train/single-clip/plain", CaptionShape.SingleClip, c => $"{c.A(0)} {c.Moving()}"),
        new("train/single-clip/video-of", CaptionShape.SingleClip, c => $"a video of {c.A(0)} {c.Moving()}"),
        new("train/single-clip/is", CaptionShape.SingleClip, c => $"{c.The(0)} is {c.Moving()}"),
        new("train/single-clip/zoom", CaptionShape.SingleClip, c => $"{c.ZoomLead()} {c.A(0)}", IsZoom),

        new("train/pair-clip/relation", CaptionShape.PairClip, c => $"{c.A(0)} {c.Relation(0)} {c.A(1)}, both {c.Moving()}"),
        new("train/pair-clip/with", CaptionShape.PairClip, c => $"{c.A(0)} with {c.A(1)} {c.PronounRelation(1)}, both {c.Moving()}"),
    ];

    public static IReadOnlyList<CaptionTemplate> Test { get; } =
    [
        new("test/single-scene/there-is", CaptionShape.SingleScene, c => $"there is {c.A(0)} {c.Where(0)}"),
        new("test/single-scene/you-can-see", CaptionShape.SingleScene, c => $"{c.Where(0)} you can see {c.A(0)}"),
        new("test/single-scene/picture-with", CaptionShape.SingleScene, c => $"a picture with {c.A(0)} {c.Where(0)}"),

        new("test/pair-scene/there-is-with", CaptionShape.PairScene, c => $"{c.Where(1)} there is {c.A(1)}, with {c.A(0)} {c.PronounRelation(0)}"),
        new("test/pair-scene/and-reversed", CaptionShape.PairScene, c => $"{c.A(1)} {c.Where(1)} and {c.A(0)} {c.Where(0)}"),
        new("test/pair-scene/relation-reversed", CaptionShape.PairScene, c => $"{c.A(1)} {c.Relation(1)} {c.A(0)}"),

        new("test/single-clip/there-is", CaptionShape.SingleClip, c => $"there is {c.A(0)} {c.Moving()}"),
        new("test/single-clip/you-can-see", CaptionShape.SingleClip, c => $"you can see {c.A(0)} {c.Moving()}"),
        new("test/single-clip/video-zoom", CaptionShape.SingleClip, c => $"a video {c.ZoomLead()} {c.A(0)}", IsZoom),

        new("test/pair-clip/relation-reversed", CaptionShape.PairClip, c => $"{c.A(1)} {c.Relation(1)} {c.A(0)}, both {c.Moving()}"),
        new("test/pair-clip/with-reversed", CaptionShape.PairClip, c => $"{c.A(1)} with {c.A(0)} {c.PronounRelation(0)}, both {c.Moving()}"),
    ];

    /// <summary>Validation follows train's distribution; only test holds phrasings out.</summary>
    public static IReadOnlyList<CaptionTemplate> For(string split) => split == CorpusSplits.Test ? Test : Train;

    private static bool IsZoom(SceneAttributes attributes) => attributes.Motion is { } motion && ClipMotions.IsZoom(motion);
}
