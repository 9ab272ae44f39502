using Baize.Corpus.Rendering;
using Baize.Corpus.Samples;
using Baize.Corpus.Speech;

namespace Baize.Corpus.Generation;

/// <summary>Everything random about one sample, decided before any rendering so rendering is a pure function of it.</summary>
internal sealed record SamplePlan(
    string Id,
    string Split,
    SampleKind Kind,
    SceneAttributes Attributes,
    string Caption,
    BackgroundPlan Background,
    IReadOnlyList<ItemTrack> Tracks,
    SpeechSettings Speech);
