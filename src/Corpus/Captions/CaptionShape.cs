namespace Baize.Corpus.Captions;

/// <summary>Which kind of sample a template describes.</summary>
internal enum CaptionShape
{
    SingleScene,
    PairScene,
    SingleClip,
    PairClip,
}
