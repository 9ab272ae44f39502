using Baize.Corpus.Samples;

namespace Baize.Corpus.Captions;

/// <summary>One phrasing. In pairs item 0 is the left (or top) item and item 1 the right (or bottom) one.</summary>
/// <param name="Id">Stable name, e.g. "train/pair-scene/relation".</param>
/// <param name="Shape">The kind of sample it describes.</param>
/// <param name="Write">Builds the caption from the phrases of one sample.</param>
/// <param name="AppliesTo">Narrows a template to some samples of its shape (e.g. zoom clips only).</param>
internal sealed record CaptionTemplate(
    string Id,
    CaptionShape Shape,
    Func<CaptionContext, string> Write,
    Func<SceneAttributes, bool>? AppliesTo = null)
{
    public bool Fits(CaptionShape shape, SceneAttributes attributes) =>
        Shape == shape && (AppliesTo?.Invoke(attributes) ?? true);
}
