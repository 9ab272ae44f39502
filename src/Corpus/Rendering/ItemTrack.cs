using System.Numerics;
using Baize.Corpus.Samples;

namespace Baize.Corpus.Rendering;

/// <summary>Where one item is drawn over a sample's time span; a still scene has From equal to To.</summary>
/// <param name="Item">The item's attributes (its colour picks the paint).</param>
/// <param name="ImageIndex">Index of the Fashion-MNIST image in the split's source file.</param>
/// <param name="From">Centre in pixels at the first frame.</param>
/// <param name="To">Centre in pixels at the last frame.</param>
/// <param name="FromSize">Edge length in pixels of the 28x28 image at the first frame.</param>
/// <param name="ToSize">Edge length in pixels at the last frame.</param>
internal sealed record ItemTrack(SceneItem Item, int ImageIndex, Vector2 From, Vector2 To, float FromSize, float ToSize)
{
    public Vector2 CentreAt(float t) => Vector2.Lerp(From, To, t);

    public float SizeAt(float t) => FromSize + ((ToSize - FromSize) * t);
}
